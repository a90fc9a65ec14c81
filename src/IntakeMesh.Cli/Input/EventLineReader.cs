using System.Text.Json;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Input;

/// <summary>
/// Reads the produce format, one <c>{"channel":"phone|email|social|regulator","event":{…}}</c> per
/// line. The event's bytes are passed on untouched, so a malformed event still reaches the host
/// (which dead-letters it); a line whose envelope is broken is reported with its number.
/// </summary>
public static class EventLineReader
{
    public static IEnumerable<(EventLine? Line, string? Error)> Read(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            yield return Parse(number, text);
        }
    }

    public static (EventLine? Line, string? Error) Parse(int number, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, $"line {number}: expected a JSON object");
            }
            if (!root.TryGetProperty("channel", out var channel) || channel.ValueKind != JsonValueKind.String
                || !IntakeTopics.TryParseChannel(channel.GetString(), out var parsed))
            {
                return (null, $"line {number}: \"channel\" must be one of phone, email, social, regulator");
            }
            if (!root.TryGetProperty("event", out var body))
            {
                return (null, $"line {number}: \"event\" is missing");
            }
            return (new EventLine(number, parsed, JsonSerializer.SerializeToUtf8Bytes(body)), null);
        }
        catch (JsonException ex)
        {
            return (null, $"line {number}: not JSON ({ex.Message.Split(" Path:")[0]})");
        }
    }
}
