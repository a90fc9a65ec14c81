using System.Text;
using System.Text.Json;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Input;
using IntakeMesh.Cli.Scenarios;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Tests;

public class CliTests
{
    [Fact]
    public void EventLineReader_BrokenEnvelopes_AreReportedByLineNumber()
    {
        var input = new StringReader("""
            {"channel":"phone","event":{"eventId":"e1"}}
            {"channel":"fax","event":{}}

            not json
            {"channel":"email"}
            {"channel":"social","event":"raw text is still passed on"}
            """);

        var lines = EventLineReader.Read(input).ToList();

        Assert.Equal(5, lines.Count);
        Assert.Equal(Channel.Phone, lines[0].Line!.Channel);
        Assert.Contains("line 2", lines[1].Error);
        Assert.Contains("line 4", lines[2].Error);
        Assert.Contains("\"event\" is missing", lines[3].Error);
        Assert.Equal("\"raw text is still passed on\"", Encoding.UTF8.GetString(lines[4].Line!.Event));
    }

    [Theory]
    [InlineData(Channel.Phone, "+86 138")]
    [InlineData(Channel.Email, "li@example.com")]
    [InlineData(Channel.Social, "weibo:@li")]
    [InlineData(Channel.Regulator, "CRM-1")]
    public void RecordKeys_UseTheChannelsOwnIdentity(Channel channel, string expected)
    {
        var json = Encoding.UTF8.GetBytes("""{"customer":{"id":"CRM-1","phone":"+86 138","email":"li@example.com","handle":"weibo:@li"}}""");

        Assert.Equal(expected, Encoding.UTF8.GetString(RecordKeys.For(channel, json)!));
    }

    [Fact]
    public void GroupComplaintScenario_TellsStarterFollowersMassAndRegulator()
    {
        var lines = GroupComplaintScenario.Build();
        var events = lines.Select(l => (l.Channel, Event: EventParser.Parse(l.Event).Event!)).ToList();

        Assert.All(events, e => Assert.NotNull(e.Event));
        Assert.Equal(Channel.Social, events[0].Channel);
        Assert.Equal(events.Min(e => e.Event.OccurredAt), events[0].Event.OccurredAt);
        Assert.Contains(events, e => e.Channel == Channel.Regulator && e.Event.Regulator?.Body == "12315");
        var distinct = events.Select(e => e.Event.Customer).Distinct().Count();
        Assert.Equal(GroupComplaintScenario.Participants, distinct);
        Assert.Equal(lines.Count - 1, events.Select(e => (e.Channel, e.Event.EventId)).Distinct().Count()); // one redelivery
    }

    [Fact]
    public void Classify_WritesOneLinePerEvent_WithItsUnderstanding()
    {
        var input = new StringReader("""
            {"channel":"phone","event":{"eventId":"p1","occurredAt":"2026-11-20T08:00:00+08:00","customer":{"phone":"+8613800000000"},"text":"电池又坏了！！我要退款，不解决就找记者曝光","subject":{"brand":"Aurora","sku":"AX7"}}}
            {"channel":"email","event":{"eventId":"e1","occurredAt":"2026-11-20T08:00:00+08:00","customer":{},"text":"x"}}
            """);
        var output = new StringWriter();
        var args = new CommandLine(["--hmac-key", "cli-test-secret-0123456789"], new HashSet<string>());

        var exit = ClassifyCommand.Run(args, input, output, new StringWriter());

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(1, exit);
        Assert.Equal(2, lines.Count);
        var first = lines[0];
        Assert.Equal("p1", first.GetProperty("eventId").GetString());
        Assert.StartsWith("cus-", first.GetProperty("customerKey").GetString());
        Assert.Equal("brand:aurora|sku:ax7", first.GetProperty("incidentKey").GetString());
        foreach (var field in new[] { "category", "seeking", "urgency", "emotion" })
        {
            Assert.Equal(JsonValueKind.String, first.GetProperty(field).ValueKind);
        }
        Assert.Contains(first.GetProperty("demands").EnumerateArray(), d => d.GetProperty("kind").GetString() == "Refund");
        Assert.Contains(first.GetProperty("risks").EnumerateArray(), r => r.GetString() == "Media");
        Assert.Equal("missing_field", lines[1].GetProperty("error").GetProperty("reason").GetString());
    }
}
