using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// The part of a complaint's text an incident keeps as a sample: at most <see cref="MaxLength"/>
/// characters, with anything that looks like an email address or a phone number (seven digits or
/// more, with spaces, dashes, dots, slashes or brackets between them) masked, so samples carry no raw identifier.
/// </summary>
public static partial class ComplaintExcerpt
{
    public const int MaxLength = 280;

    public const string EmailMask = "[email]";

    public const string PhoneMask = "[phone]";

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shortened = Shorten(text.Trim());
        var masked = Email().Replace(shortened, EmailMask);
        return Phone().Replace(masked, match => Date().IsMatch(match.Value) ? match.Value : PhoneMask);
    }

    // Cut on a text element, never inside a surrogate pair or a combining sequence.
    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var builder = new StringBuilder(MaxLength + 1);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && builder.Length + elements.GetTextElement().Length < MaxLength)
        {
            builder.Append(elements.GetTextElement());
        }
        return builder.Append('…').ToString();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Separators people write inside numbers: spaces, dashes, dots, slashes and (full-width) brackets.
    [GeneratedRegex(@"\+?\d(?:[ \-./()（）]?\d){6,}", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    // 2026-11-20 is a date, not a phone number.
    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
