using System.Security.Cryptography;
using System.Text;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Names the problem a complaint is about, so that complaints about one problem meet in one
/// incident grain: brand plus the most specific of sku, batch, product and store.
/// </summary>
public static class IncidentKeys
{
    /// <summary>The subject-based key, or null when the subject names too little to group on.</summary>
    public static string? FromSubject(ComplaintSubject? subject)
    {
        if (subject is null)
        {
            return null;
        }
        var (field, value) = MostSpecific(subject);
        if (value is null)
        {
            return null;
        }
        var brand = Clean(subject.Brand) ?? "-";
        return $"brand:{brand}|{field}:{value}";
    }

    /// <summary>
    /// The incident a complaint belongs to: its subject when that names something specific; else
    /// a catalog product or store named in the text; else the text's fingerprint. The category is
    /// deliberately not part of the key, so one defect wave is not split by classifier noise.
    /// </summary>
    public static IncidentKeyChoice Choose(ComplaintSubject? subject, string foldedText, ProductCatalog catalog)
    {
        if (FromSubject(subject) is { } fromSubject)
        {
            return new IncidentKeyChoice(fromSubject, IncidentKeySource.Subject, "subject field");
        }
        if (catalog.Match(foldedText) is { } match)
        {
            var entry = match.Entry;
            var key = FromSubject(new ComplaintSubject(entry.Brand, entry.Product, entry.Sku, null, null, entry.Store, null));
            if (key is not null)
            {
                return new IncidentKeyChoice(key, IncidentKeySource.Catalog, $"catalog alias '{match.Alias}'", match.Entry) { Alias = match.Alias };
            }
        }
        return new IncidentKeyChoice(TextFingerprint.Key(foldedText), IncidentKeySource.Fingerprint, "text fingerprint");
    }

    /// <summary>A short, URL-safe incident id: one key may see several waves over time.</summary>
    public static string IncidentId(string key, int wave)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return $"inc-{Convert.ToHexStringLower(hash[..6])}-{wave}";
    }

    private static (string Field, string? Value) MostSpecific(ComplaintSubject subject)
    {
        if (Clean(subject.Sku) is { } sku)
        {
            return ("sku", sku);
        }
        if (Clean(subject.Batch) is { } batch)
        {
            return ("batch", batch);
        }
        if (Clean(subject.Product) is { } product)
        {
            return ("product", product);
        }
        return ("store", Clean(subject.Store));
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var folded = IdentifierNormalizer.NarrowWidth(value).Trim().ToLowerInvariant();
        // Collapse inner whitespace and keep the separators of the key format out of values.
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c is '|' or ':' ? '_' : c);
        }
        return builder.ToString();
    }
}
