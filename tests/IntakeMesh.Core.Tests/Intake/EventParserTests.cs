using System.Text;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Tests.Intake;

public class EventParserTests
{
    private const string Valid = """
        {"eventId":"ph-0001","occurredAt":"2026-11-22T09:15:00+08:00",
         "customer":{"id":"CRM-1029","phone":"+8613800000000","email":"li@example.com","handle":"weibo:@lihua"},
         "text":"电池又坏了","subject":{"brand":"Aurora","sku":"AX7"},
         "phone":{"callId":"c1","agentId":"a1","durationSeconds":312},
         "social":{"platform":"weibo","postId":"p1","followers":120000,"replyTo":"p0"},
         "regulator":{"body":"12315","caseRef":"r1","dueAt":"2026-11-29T00:00:00+08:00"},
         "somethingNew":{"nested":[1,2,3]}}
        """;

    private static ParseResult Parse(string json) => EventParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_FullEvent_ReadsEveryField()
    {
        var result = Parse(Valid);

        Assert.True(result.IsValid, result.Error?.ToString());
        var e = result.Event;
        Assert.Equal("ph-0001", e.EventId);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 15, 0, TimeSpan.FromHours(8)), e.OccurredAt);
        Assert.Equal("CRM-1029", e.Customer.Id);
        Assert.Equal("weibo:@lihua", e.Customer.Handle);
        Assert.Equal("电池又坏了", e.Text);
        Assert.Equal("AX7", e.Subject!.Sku);
        Assert.Equal(312, e.Phone!.DurationSeconds);
        Assert.Equal(120000, e.Social!.Followers);
        Assert.Equal("p0", e.Social.ReplyTo);
        Assert.Equal("12315", e.Regulator!.Body);
        Assert.NotNull(e.Regulator.DueAt);
    }

    [Theory]
    [InlineData("""{"occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"x"}""", "missing_field", "eventId")]
    [InlineData("""{"eventId":"","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"x"}""", "invalid_value", "eventId")]
    [InlineData("""{"eventId":"e","customer":{"id":"1"},"text":"x"}""", "missing_field", "occurredAt")]
    [InlineData("""{"eventId":"e","occurredAt":"yesterday","customer":{"id":"1"},"text":"x"}""", "invalid_value", "occurredAt")]
    [InlineData("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","text":"x"}""", "missing_field", "customer")]
    [InlineData("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{},"text":"x"}""", "missing_field", "customer")]
    [InlineData("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"}}""", "missing_field", "text")]
    [InlineData("""{"eventId":7,"occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"x"}""", "wrong_type", "eventId")]
    [InlineData("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"phone":13800000000},"text":"x"}""", "wrong_type", "customer.phone")]
    [InlineData("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":"li","text":"x"}""", "wrong_type", "customer")]
    [InlineData("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"x","social":{"followers":"many"}}""", "wrong_type", "social.followers")]
    [InlineData("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"x","social":{"followers":-5}}""", "invalid_value", "social.followers")]
    [InlineData("""[1,2]""", "wrong_type", "$")]
    [InlineData("""{"eventId":"e",""", "not_json", "$")]
    [InlineData("""complaint: my battery died""", "not_json", "$")]
    public void Parse_BadRecord_NamesReasonAndField(string json, string reason, string field)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Error.Reason);
        Assert.Equal(field, result.Error.Field);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRefusedWithOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"eventId":"e","text":"ab""").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

        var result = EventParser.Parse(bytes);

        Assert.Equal("invalid_utf8", result.Error!.Reason);
        Assert.Contains("offset 25", result.Error.Message);
    }

    [Fact]
    public void Parse_TextOverLimit_IsOversizedOnText()
    {
        var limits = new IntakeLimits { MaxTextBytes = 100 };
        var text = new string('字', 40); // 120 bytes of UTF-8, 40 chars
        var json = $$"""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"{{text}}"}""";

        var result = EventParser.Parse(Encoding.UTF8.GetBytes(json), limits);

        Assert.Equal("oversized", result.Error!.Reason);
        Assert.Equal("text", result.Error.Field);
    }

    [Fact]
    public void Parse_TextAtLimit_IsAccepted()
    {
        var limits = new IntakeLimits { MaxTextBytes = 120 };
        var json = $$"""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"{{new string('字', 40)}}"}""";

        Assert.True(EventParser.Parse(Encoding.UTF8.GetBytes(json), limits).IsValid);
    }

    [Fact]
    public void Parse_RecordOverLimit_IsOversizedBeforeReading()
    {
        var limits = new IntakeLimits { MaxRecordBytes = 1024 };

        var result = EventParser.Parse(new byte[2048], limits);

        Assert.Equal("oversized", result.Error!.Reason);
        Assert.Equal("$", result.Error.Field);
    }

    [Fact]
    public void Parse_DeeplyNestedUnknownField_IsTooDeep()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        var json = $$"""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"1"},"text":"x","extra":{{nested}}}""";

        var result = Parse(json);

        Assert.Equal("too_deep", result.Error!.Reason);
    }

    [Fact]
    public void Parse_NullOptionalBlocks_AreAbsent()
    {
        var result = Parse("""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"email":"a@b.c"},"text":"x","subject":null,"social":null}""");

        Assert.True(result.IsValid);
        Assert.Null(result.Event.Subject);
        Assert.Null(result.Event.Social);
    }
}
