using System.Text;
using System.Text.Json;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Input;

/// <summary>The Kafka record key: the complainant's identity on the record's own channel.</summary>
public static class RecordKeys
{
    public static byte[]? For(Channel channel, byte[] eventJson)
    {
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            if (!document.RootElement.TryGetProperty("customer", out var customer) || customer.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            string[] preference = channel switch
            {
                Channel.Phone => ["phone", "id", "email", "handle"],
                Channel.Email => ["email", "id", "phone", "handle"],
                Channel.Social => ["handle", "id", "phone", "email"],
                _ => ["id", "phone", "email", "handle"],
            };
            foreach (var name in preference)
            {
                if (customer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                {
                    return Encoding.UTF8.GetBytes(text);
                }
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
