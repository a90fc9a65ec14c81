using System.Text.Json;

namespace IntakeMesh.Board.Tests;

/// <summary>Every raw identifier the group-complaint scenario sends, in the forms a leak would take.</summary>
public static class ScenarioIdentifiers
{
    public static IReadOnlyList<string> Raw()
    {
        var raw = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in BoardHost.Scenario)
        {
            using var document = JsonDocument.Parse(line.Event);
            var customer = document.RootElement.GetProperty("customer");
            foreach (var field in new[] { "phone", "email", "handle", "id" })
            {
                if (customer.TryGetProperty(field, out var value) && value.GetString() is { Length: > 0 } text)
                {
                    raw.Add(text);
                    if (field == "phone")
                    {
                        // As written, as E.164, and as the national number alone.
                        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
                        raw.Add("+" + digits);
                        raw.Add(digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits);
                    }
                    if (field == "handle")
                    {
                        raw.Add(text[(text.IndexOf(':') + 1)..]);
                    }
                }
            }
        }
        return [.. raw];
    }
}
