namespace IntakeMesh.Alerts.Policy;

/// <summary>
/// The crisis tiers as the alert contracts spell them ("T0" to "T4"), compared by rank. Strings
/// keep the contracts free of any IntakeMesh type; this is the one place that orders them.
/// </summary>
public static class AlertTiers
{
    /// <summary>Every tier, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = ["T0", "T1", "T2", "T3", "T4"];

    /// <summary>Whether <paramref name="tier"/> is one of "T0" to "T4" (case-insensitive).</summary>
    public static bool IsValid(string? tier) => TryRank(tier, out _);

    /// <summary>0 for T0 up to 4 for T4.</summary>
    /// <exception cref="ArgumentException">The text is not a tier.</exception>
    public static int Rank(string tier) =>
        TryRank(tier, out var rank) ? rank : throw new ArgumentException($"'{tier}' is not a tier (T0 to T4)", nameof(tier));

    /// <summary>Whether <paramref name="tier"/> is <paramref name="minimum"/> or higher.</summary>
    public static bool AtLeast(string tier, string minimum) => Rank(tier) >= Rank(minimum);

    /// <summary>The canonical spelling ("t3" becomes "T3").</summary>
    public static string Normalize(string tier) => All[Rank(tier)];

    private static bool TryRank(string? tier, out int rank)
    {
        rank = -1;
        if (tier is not { Length: 2 } || (tier[0] != 'T' && tier[0] != 't') || tier[1] < '0' || tier[1] > '4')
        {
            return false;
        }
        rank = tier[1] - '0';
        return true;
    }
}
