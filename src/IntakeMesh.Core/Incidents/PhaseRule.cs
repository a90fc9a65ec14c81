namespace IntakeMesh.Core.Incidents;

/// <summary>
/// One starter, a few followers, then a mass response (domain.md §4), counted in distinct customers
/// per window on event time. Without a baseline the thresholds are absolute: Following at
/// <see cref="DetectionOptions.FollowingCustomers"/> within the group window, Mass at
/// <see cref="DetectionOptions.MassCustomers"/>. With one, both rise to
/// <see cref="DetectionOptions.BaselineMultiple"/> times the key's usual day (over the group
/// window) or usual busiest hour (over one hour): a wave is a rise above what the key always gets.
/// </summary>
internal static class PhaseRule
{
    private const long MinutesPerHour = 60;

    public static PhaseVerdict Evaluate(IncidentState state, DateTimeOffset at, Baseline? baseline, DetectionOptions options)
    {
        var arrivals = state.Arrivals;
        var minute = arrivals.IndexOf(at);
        var window = (int)arrivals.MaxWindowContaining(minute, options.GroupWindow.Ticks / TimeSpan.TicksPerMinute);
        var hour = (int)arrivals.MaxWindowContaining(minute, MinutesPerHour);
        state.PeakWindowCustomers = Math.Max(state.PeakWindowCustomers, window);
        state.PeakHourCustomers = Math.Max(state.PeakHourCustomers, hour);

        var dayNeed = baseline is null ? 0 : Need(baseline.Daily * options.GroupWindow.TotalHours / 24, options);
        var (phase, reason) = ByDay(window, dayNeed, baseline, options);
        var active = baseline is null || window >= dayNeed;
        if (baseline is not null)
        {
            var hourNeed = Need(baseline.PeakHour, options);
            active |= hour >= hourNeed;
            var (byHour, hourReason) = ByHour(hour, hourNeed, baseline, options);
            if (byHour > phase)
            {
                (phase, reason) = (byHour, hourReason);
            }
        }
        return new PhaseVerdict(phase, reason, active, baseline);
    }

    private static int Need(double usual, DetectionOptions options) => (int)Math.Ceiling(options.BaselineMultiple * usual - 1e-9);

    private static (Phase, string?) ByDay(int customers, int need, Baseline? baseline, DetectionOptions options)
    {
        var window = Hours(options.GroupWindow);
        var usual = baseline is null ? "" : $"; {options.BaselineMultiple:0.##}× this key's usual {baseline.Daily:0.#} a day is {need}";
        var mass = Math.Max(options.MassCustomers, need);
        if (customers >= mass)
        {
            return (Phase.Mass, $"mass: {customers} customers within {window} (threshold {mass}{usual})");
        }
        var following = Math.Max(options.FollowingCustomers, need);
        if (customers >= following)
        {
            return (Phase.Following, $"group forming: starter plus {customers - 1} followers within {window} (threshold {following - 1}{usual})");
        }
        return (Phase.Single, null);
    }

    private static (Phase, string?) ByHour(int customers, int need, Baseline baseline, DetectionOptions options)
    {
        var usual = $"; {options.BaselineMultiple:0.##}× this key's usual busiest hour of {baseline.PeakHour:0.#} is {need}";
        var mass = Math.Max(options.MassCustomers, need);
        if (customers >= mass)
        {
            return (Phase.Mass, $"mass: {customers} customers within 1 h, far over the key's baseline (threshold {mass}{usual})");
        }
        var following = Math.Max(options.FollowingCustomers, need);
        if (customers >= following)
        {
            return (Phase.Following, $"group forming: starter plus {customers - 1} followers within 1 h, over the key's baseline (threshold {following - 1}{usual})");
        }
        return (Phase.Single, null);
    }

    /// <summary>
    /// The rule that holds the incident at <paramref name="phase"/> (Following or Mass), as data:
    /// the peak distinct customers in the group window, or in one hour when that is what reached
    /// it over a baseline, against the thresholds the phase rose with (<see cref="IncidentState.Baseline"/>).
    /// </summary>
    public static TierRule Describe(IncidentState state, Phase phase, DetectionOptions options)
    {
        var name = phase == Phase.Mass ? "mass" : "group-forming";
        var baseline = state.Baseline;
        var dayNeed = baseline is null ? 0 : Need(baseline.Daily * options.GroupWindow.TotalHours / 24, options);
        var byHour = false;
        var need = dayNeed;
        if (baseline is not null && ByDay(state.PeakWindowCustomers, dayNeed, baseline, options).Item1 < phase)
        {
            var hourNeed = Need(baseline.PeakHour, options);
            byHour = ByHour(state.PeakHourCustomers, hourNeed, baseline, options).Item1 >= phase;
            need = byHour ? hourNeed : dayNeed;
        }
        var figures = new Dictionary<string, double>
        {
            [byHour ? "customersInHour" : "customersInWindow"] = byHour ? state.PeakHourCustomers : state.PeakWindowCustomers,
        };
        var thresholds = new Dictionary<string, double>
        {
            [phase == Phase.Mass ? "massCustomers" : "followingCustomers"] = Math.Max(phase == Phase.Mass ? options.MassCustomers : options.FollowingCustomers, need),
        };
        if (baseline is not null)
        {
            figures[byHour ? "usualBusiestHour" : "usualPerDay"] = byHour ? baseline.PeakHour : baseline.Daily;
            thresholds["baselineMultiple"] = options.BaselineMultiple;
        }
        return new TierRule(name, figures, thresholds, byHour ? "1 h" : Hours(options.GroupWindow));
    }

    public static string Hours(TimeSpan window) =>
        window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours:0} h" : window.ToString();
}
