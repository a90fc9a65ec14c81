using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Incidents.Board;

/// <summary>
/// One page of the incident board: which incidents (status, tiers, channels, subject text, or a
/// single incident) and which slice of them, in <see cref="BoardOrder"/>.
/// </summary>
public sealed record BoardQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public BoardStatus Status { get; init; } = BoardStatus.Open;

    /// <summary>Tiers to show; empty for every tier.</summary>
    public IReadOnlyList<Tier> Tiers { get; init; } = [];

    /// <summary>Channels of which an incident must have at least one; empty for any.</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];

    /// <summary>Text the incident key (brand, product, SKU, store…) or id must contain, any case; punctuation is ignored.</summary>
    public string? Text { get; init; }

    /// <summary>Only this incident (an incident page watching its own changes).</summary>
    public string? IncidentId { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The same query with its page and size in range and its text trimmed.</summary>
    public BoardQuery Normalized() => this with
    {
        Page = Math.Max(1, Page),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        Tiers = [.. Tiers.Distinct().Order()],
        Channels = [.. Channels.Distinct().Order()],
    };

    /// <summary>A stable text for the query, so that subscribers of the same page share one read.</summary>
    public string Fingerprint() =>
        $"{Status}|{string.Join(',', Tiers)}|{string.Join(',', Channels)}|{Text}|{IncidentId}|{Page}|{PageSize}";

    public bool Matches(IncidentSummary summary)
    {
        if (IncidentId is not null)
        {
            return summary.Id == IncidentId;
        }
        var open = BoardOrder.IsOpen(summary);
        if (Status == BoardStatus.Open && !open || Status == BoardStatus.Closed && open)
        {
            return false;
        }
        if (Tiers.Count > 0 && !Tiers.Contains(summary.Tier))
        {
            return false;
        }
        if (Channels.Count > 0 && !summary.Channels.Any(Channels.Contains))
        {
            return false;
        }
        return Text is null || Contains(summary.Key, Text) || Contains(summary.Id, Text);
    }

    private static bool Contains(string value, string text) =>
        value.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Squeeze(value).Contains(Squeeze(text), StringComparison.OrdinalIgnoreCase);

    // "AX-7" finds "ax7": letters and digits only.
    private static string Squeeze(string value) => string.Concat(value.Where(char.IsLetterOrDigit));
}
