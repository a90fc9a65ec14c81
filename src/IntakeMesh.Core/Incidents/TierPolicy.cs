namespace IntakeMesh.Core.Incidents;

/// <summary>
/// The crisis-tier table of design.md as code: the highest tier whose trigger the incident's
/// figures meet, with each figure and the threshold it crossed as the reasons, and as data in the
/// rules (<see cref="TierRule"/>).
/// </summary>
public static class TierPolicy
{
    public static (Tier Tier, IReadOnlyList<string> Reasons) Evaluate(IncidentState state, Phase phase, DetectionOptions options)
    {
        var verdict = Decide(state, phase, options);
        return (verdict.Tier, verdict.Reasons);
    }

    /// <summary>
    /// Only the tier <see cref="Decide"/> comes to, without its words: an incident asks this on
    /// every complaint, and needs the reasons only when the tier or phase rises.
    /// </summary>
    public static Tier TierOf(IncidentState state, Phase phase, DetectionOptions options)
    {
        var regulator = state.RegulatorCases.Count > 0 || state.ElevatedSignals.Contains(SignalWords.RegulatorThreat);
        var exposed = state.MediaCustomers.Count > 0 || regulator || state.SafetyCustomers.Count > 0;
        if (state.SafetyCustomers.Count >= options.SafetyCustomersForT4 || (phase == Phase.Mass && exposed))
        {
            return Tier.T4;
        }
        if (phase == Phase.Mass
            || state.MediaCustomers.Count >= 2
            || state.Starter is { Followers: { } reach } && reach >= options.HighReachFollowers
            || state.RegulatorCases.Count >= options.RegulatorCasesForT3)
        {
            return Tier.T3;
        }
        return phase == Phase.Following ? Tier.T2 : state.ElevatedSignals.Count > 0 ? Tier.T1 : Tier.T0;
    }

    /// <summary>The tier, its reasons and the rules behind them.</summary>
    public static TierVerdict Decide(IncidentState state, Phase phase, DetectionOptions options)
    {
        var t4 = new List<string>();
        var t4Rules = new List<TierRule>();
        var t3 = new List<string>();
        var t3Rules = new List<TierRule>();
        var regulator = state.RegulatorCases.Count > 0 || state.ElevatedSignals.Contains(SignalWords.RegulatorThreat);

        if (state.SafetyCustomers.Count >= options.SafetyCustomersForT4)
        {
            t4.Add($"safety reports from {state.SafetyCustomers.Count} customers (threshold {options.SafetyCustomersForT4})");
            t4Rules.Add(Rule("safety-customers", ("safetyCustomers", state.SafetyCustomers.Count), ("safetyCustomersForT4", options.SafetyCustomersForT4)));
        }
        if (phase == Phase.Mass)
        {
            var mass = state.PhaseReason ?? $"mass: {state.PeakWindowCustomers} customers within {PhaseRule.Hours(options.GroupWindow)} (threshold {options.MassCustomers})";
            var massRule = PhaseRule.Describe(state, Phase.Mass, options);
            var exposure = new List<string>();
            if (state.MediaCustomers.Count > 0)
            {
                exposure.Add($"media signals from {state.MediaCustomers.Count} customers");
            }
            if (regulator)
            {
                exposure.Add(state.RegulatorCases.Count > 0 ? $"{state.RegulatorCases.Count} regulator cases" : "regulator threat");
            }
            if (state.SafetyCustomers.Count > 0)
            {
                exposure.Add($"safety reports from {state.SafetyCustomers.Count} customers");
            }
            if (exposure.Count > 0)
            {
                t4.Add($"{mass} with {string.Join(", ", exposure)}");
                t4Rules.Add(massRule);
                t4Rules.Add(new TierRule("exposure",
                    new Dictionary<string, double>
                    {
                        ["mediaCustomers"] = state.MediaCustomers.Count,
                        ["regulatorCases"] = state.RegulatorCases.Count,
                        ["regulatorThreat"] = state.ElevatedSignals.Contains(SignalWords.RegulatorThreat) ? 1 : 0,
                        ["safetyCustomers"] = state.SafetyCustomers.Count,
                    },
                    new Dictionary<string, double> { ["anyExposure"] = 1 }));
            }
            t3.Add(mass);
            t3Rules.Add(massRule);
        }
        if (t4.Count > 0)
        {
            return new TierVerdict(Tier.T4, t4, t4Rules);
        }

        if (state.MediaCustomers.Count >= 2)
        {
            t3.Add($"media involved: media signals from {state.MediaCustomers.Count} customers (threshold 2)");
            t3Rules.Add(Rule("media-customers", ("mediaCustomers", state.MediaCustomers.Count), ("mediaCustomersForT3", 2)));
        }
        if (state.Starter is { Followers: { } reach } starter && reach >= options.HighReachFollowers)
        {
            t3.Add($"high-reach starter on {starter.Channel.ToString().ToLowerInvariant()}: {reach} followers (threshold {options.HighReachFollowers})");
            t3Rules.Add(Rule("high-reach-starter", ("starterFollowers", reach), ("highReachFollowers", options.HighReachFollowers)) with
            {
                Detail = starter.Channel.ToString().ToLowerInvariant(),
            });
        }
        if (state.RegulatorCases.Count >= options.RegulatorCasesForT3)
        {
            t3.Add($"{state.RegulatorCases.Count} regulator cases (threshold {options.RegulatorCasesForT3})");
            t3Rules.Add(Rule("regulator-cases", ("regulatorCases", state.RegulatorCases.Count), ("regulatorCasesForT3", options.RegulatorCasesForT3)));
        }
        if (t3.Count > 0)
        {
            return new TierVerdict(Tier.T3, t3, t3Rules);
        }

        if (phase == Phase.Following)
        {
            return new TierVerdict(Tier.T2, [state.PhaseReason ?? $"group forming within {PhaseRule.Hours(options.GroupWindow)}"],
                [PhaseRule.Describe(state, Phase.Following, options)]);
        }
        if (state.ElevatedSignals.Count > 0)
        {
            return new TierVerdict(Tier.T1, [.. state.ElevatedSignals],
                [Rule("elevated-signals", ("signals", state.ElevatedSignals.Count), ("signals", 1)) with { Detail = string.Join(", ", state.ElevatedSignals) }]);
        }
        return new TierVerdict(Tier.T0, ["single ordinary complaint"], [Rule("single", ("customers", state.ParticipantCount), ("followingCustomers", options.FollowingCustomers)) with
        {
            Detail = "below every trigger",
        }]);
    }

    private static TierRule Rule(string name, (string Name, double Value) figure, (string Name, double Value) threshold) =>
        new(name, new Dictionary<string, double> { [figure.Name] = figure.Value }, new Dictionary<string, double> { [threshold.Name] = threshold.Value });
}

/// <summary>A tier with its reasons, in words and as rules.</summary>
public sealed record TierVerdict(Tier Tier, IReadOnlyList<string> Reasons, IReadOnlyList<TierRule> Rules);
