namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Lays every scored signal out in one flat array, so a classification keeps its scores in a
/// single stack buffer and a term's effects are plain (slot, weight) pairs.
/// </summary>
internal static class SignalSlots
{
    public const int Category = 0;
    public static readonly int Seeking = Category + Enum.GetValues<ComplaintCategory>().Length;
    public static readonly int Urgency = Seeking + Enum.GetValues<Understanding.Seeking>().Length;
    public static readonly int Emotion = Urgency + Enum.GetValues<Understanding.Urgency>().Length;
    public static readonly int Outburst = Emotion + 1;
    public static readonly int Demand = Outburst + 1;
    public static readonly int Risk = Demand + Enum.GetValues<DemandKind>().Length;
    public static readonly int RiskNegator = Risk + RiskFlags.Length;
    public static readonly int DemandNegator = RiskNegator + 1;
    public static readonly int AmountNegator = DemandNegator + 1;
    public static readonly int Count = AmountNegator + 1;

    /// <summary>The single risk flags in slot order.</summary>
    public static ReadOnlySpan<RiskSignals> RiskFlags =>
    [
        RiskSignals.Media, RiskSignals.Regulator, RiskSignals.Legal,
        RiskSignals.Safety, RiskSignals.Mobilisation, RiskSignals.SkyHighCompensation,
    ];

    public static bool IsRisk(int slot) => slot >= Risk && slot < RiskNegator;

    public static bool IsDemand(int slot) => slot >= Demand && slot < Risk;

    public static int OfRisk(RiskSignals flag) => Risk + RiskFlags.IndexOf(flag);

    /// <summary>
    /// Parses a lexicon signal name such as <c>category:Safety</c>, <c>risk:Media</c>,
    /// <c>emotion:insult</c> (anything after <c>emotion:</c> is a label for readers), <c>outburst</c>
    /// (threats, profanity: out-of-control language, which also counts as emotion) or a negator:
    /// <c>negator:risk</c> and <c>negator:demand</c> cancel what follows closely, <c>negator:amount</c>
    /// marks the amount after it as offered or received rather than demanded ("只赔200", "offered $10").
    /// </summary>
    public static int Parse(string signal)
    {
        var colon = signal.IndexOf(':');
        var kind = colon < 0 ? signal : signal[..colon];
        var name = colon < 0 ? string.Empty : signal[(colon + 1)..];
        return kind.ToLowerInvariant() switch
        {
            "category" => Category + (int)ParseEnum<ComplaintCategory>(name, signal),
            "seeking" => Seeking + (int)ParseEnum<Understanding.Seeking>(name, signal),
            "urgency" => Urgency + (int)ParseEnum<Understanding.Urgency>(name, signal),
            "emotion" => Emotion,
            "outburst" => Outburst,
            "demand" => Demand + (int)ParseEnum<DemandKind>(name, signal),
            "risk" => ParseRisk(name, signal),
            "negator" when name.Equals("risk", StringComparison.OrdinalIgnoreCase) => RiskNegator,
            "negator" when name.Equals("demand", StringComparison.OrdinalIgnoreCase) => DemandNegator,
            "negator" when name.Equals("amount", StringComparison.OrdinalIgnoreCase) => AmountNegator,
            _ => throw new InvalidDataException($"Unknown lexicon signal '{signal}'."),
        };
    }

    internal static T ParseEnum<T>(string name, string context)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Unknown {typeof(T).Name} '{name}' in '{context}'.");

    private static int ParseRisk(string name, string signal)
    {
        var flag = ParseEnum<RiskSignals>(name, signal);
        return RiskFlags.Contains(flag) ? OfRisk(flag) : throw new InvalidDataException($"'{signal}' is not a single risk.");
    }
}
