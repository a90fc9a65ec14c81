namespace IntakeMesh.Core.Incidents;

/// <summary>
/// The crisis-tier table of design.md as code: the highest tier whose trigger the incident's
/// figures meet, with each figure and the threshold it crossed as the reasons.
/// </summary>
public static class TierPolicy
{
    public static (Tier Tier, IReadOnlyList<string> Reasons) Evaluate(IncidentState state, Phase phase, DetectionOptions options)
    {
        var t4 = new List<string>();
        var t3 = new List<string>();
        var regulator = state.RegulatorCases.Count > 0 || state.ElevatedSignals.Contains(SignalWords.RegulatorThreat);

        if (state.SafetyCustomers.Count >= options.SafetyCustomersForT4)
        {
            t4.Add($"safety reports from {state.SafetyCustomers.Count} customers (threshold {options.SafetyCustomersForT4})");
        }
        if (phase == Phase.Mass)
        {
            var mass = state.PhaseReason ?? $"mass: {state.PeakWindowCustomers} customers within {PhaseRule.Hours(options.GroupWindow)} (threshold {options.MassCustomers})";
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
            }
            t3.Add(mass);
        }
        if (t4.Count > 0)
        {
            return (Tier.T4, t4);
        }

        if (state.MediaCustomers.Count >= 2)
        {
            t3.Add($"media involved: media signals from {state.MediaCustomers.Count} customers (threshold 2)");
        }
        if (state.Starter is { Followers: { } reach } starter && reach >= options.HighReachFollowers)
        {
            t3.Add($"high-reach starter on {starter.Channel.ToString().ToLowerInvariant()}: {reach} followers (threshold {options.HighReachFollowers})");
        }
        if (state.RegulatorCases.Count >= options.RegulatorCasesForT3)
        {
            t3.Add($"{state.RegulatorCases.Count} regulator cases (threshold {options.RegulatorCasesForT3})");
        }
        if (t3.Count > 0)
        {
            return (Tier.T3, t3);
        }

        if (phase == Phase.Following)
        {
            return (Tier.T2, [state.PhaseReason ?? $"group forming within {PhaseRule.Hours(options.GroupWindow)}"]);
        }
        if (state.ElevatedSignals.Count > 0)
        {
            return (Tier.T1, [.. state.ElevatedSignals]);
        }
        return (Tier.T0, ["single ordinary complaint"]);
    }
}
