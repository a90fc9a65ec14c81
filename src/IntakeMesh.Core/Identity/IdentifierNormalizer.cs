using System.Text;

namespace IntakeMesh.Core.Identity;

/// <summary>
/// Puts identifiers into one canonical spelling so that the same person typed two ways hashes
/// the same: phones to E.164, emails lower-cased, handles as platform:handle.
/// </summary>
public static class IdentifierNormalizer
{
    public static string? CrmId(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim().ToUpperInvariant();

    /// <summary>E.164: '+' and digits. A leading 00 is the international prefix; a number with no
    /// country code gets <paramref name="defaultCountryCode"/> when one is configured.</summary>
    public static string? Phone(string? phone, string? defaultCountryCode = null)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var normalized = NarrowWidth(phone);
        var digits = new StringBuilder(normalized.Length + 1);
        var international = false;
        foreach (var c in normalized)
        {
            if (c == '+' && digits.Length == 0)
            {
                international = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }
        if (digits.Length == 0)
        {
            return null;
        }
        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            number = number[2..];
            international = true;
        }
        if (!international && !string.IsNullOrEmpty(defaultCountryCode))
        {
            number = defaultCountryCode.TrimStart('+') + number.TrimStart('0');
        }
        return "+" + number;
    }

    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        return NarrowWidth(email).Trim().ToLowerInvariant();
    }

    /// <summary>"weibo:@LiHua" and platform "weibo" with handle "@lihua" both become "weibo:lihua".</summary>
    public static string? Handle(string? handle, string? platform = null)
    {
        if (string.IsNullOrWhiteSpace(handle))
        {
            return null;
        }
        var value = NarrowWidth(handle).Trim().ToLowerInvariant();
        var colon = value.IndexOf(':');
        string site, name;
        if (colon > 0)
        {
            site = value[..colon].Trim();
            name = value[(colon + 1)..];
        }
        else
        {
            site = string.IsNullOrWhiteSpace(platform) ? "social" : platform.Trim().ToLowerInvariant();
            name = value;
        }
        name = name.Trim().TrimStart('@');
        return name.Length == 0 ? null : $"{site}:{name}";
    }

    /// <summary>
    /// Full-width ASCII (＋８６, ｌｉ＠…) to plain ASCII. Done by hand because the hosts run with
    /// invariant globalization, where string.Normalize leaves non-ASCII text as it is.
    /// </summary>
    internal static string NarrowWidth(string value)
    {
        if (!value.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000'))
        {
            return value;
        }
        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }
}
