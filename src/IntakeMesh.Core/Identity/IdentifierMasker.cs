using System.Text;

namespace IntakeMesh.Core.Identity;

/// <summary>
/// Display forms of normalised identifiers for operators: enough to tell two contacts apart and
/// to confirm one on the phone ("ending in 5678"), never enough to rebuild it. Each form hides at
/// least three characters, and about half of any short value.
/// </summary>
public static class IdentifierMasker
{
    private const char Star = '*';

    // E.164 country codes are prefix-free: 1 and 7 are the only one-digit codes, and these the two-digit ones.
    private static readonly HashSet<string> TwoDigitCountryCodes =
    [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
        "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    public static string Mask(IdentifierKind kind, string normalized) => kind switch
    {
        IdentifierKind.Phone => Phone(normalized),
        IdentifierKind.Email => Email(normalized),
        IdentifierKind.Handle => Handle(normalized),
        _ => Tail(normalized, keep: 4),
    };

    /// <summary>"+8613812345678" → "+86 138****5678": the country code, then the national number with its middle hidden.</summary>
    public static string Phone(string e164)
    {
        var digits = e164.TrimStart('+');
        if (digits.Length < 7 || !digits.All(char.IsAsciiDigit))
        {
            return Tail(digits, keep: 2);
        }
        var codeLength = digits[0] is '1' or '7' ? 1 : TwoDigitCountryCodes.Contains(digits[..2]) ? 2 : 3;
        var national = digits[codeLength..];
        // Long national numbers keep their operator prefix and last four; short ones only the last two.
        var head = national.Length >= 10 ? 3 : 0;
        var tail = national.Length >= 8 ? 4 : 2;
        if (national.Length - head - tail < 3)
        {
            head = 0;
            tail = Math.Max(0, national.Length - 3);
        }
        var masked = new StringBuilder(digits.Length + 2)
            .Append('+').Append(digits, 0, codeLength).Append(' ')
            .Append(national, 0, head)
            .Append(Star, national.Length - head - tail)
            .Append(national, national.Length - tail, tail);
        return masked.ToString();
    }

    /// <summary>"li.hua@example.com" → "l***@example.com": the domain says where, the first letter whose.</summary>
    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return Tail(email, keep: 2);
        }
        var local = email[..at];
        var first = local.Length >= 4 ? Prefix(local, 1) : "";
        return first + new string(Star, 3) + email[at..];
    }

    /// <summary>"weibo:lihua2024" → "weibo:li*******": the platform, then the start of the name.</summary>
    public static string Handle(string handle)
    {
        var colon = handle.IndexOf(':');
        var platform = colon > 0 ? handle[..(colon + 1)] : "";
        var name = handle[platform.Length..];
        var keep = name.Length >= 8 ? 2 : name.Length >= 5 ? 1 : 0;
        return platform + Prefix(name, keep) + new string(Star, Math.Max(3, name.Length - keep));
    }

    /// <summary>Everything but the last few characters hidden, and at least half of a short value.</summary>
    private static string Tail(string value, int keep)
    {
        keep = Math.Min(keep, value.Length / 2);
        if (keep > 0 && char.IsLowSurrogate(value[^keep]))
        {
            keep--;
        }
        return new string(Star, Math.Max(3, value.Length - keep)) + value[^keep..];
    }

    /// <summary>The first <paramref name="count"/> characters, one fewer rather than half a surrogate pair.</summary>
    private static string Prefix(string value, int count)
    {
        count = Math.Min(count, value.Length);
        if (count > 0 && char.IsHighSurrogate(value[count - 1]))
        {
            count--;
        }
        return value[..count];
    }
}
