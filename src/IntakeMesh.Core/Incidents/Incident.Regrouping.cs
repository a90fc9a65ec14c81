namespace IntakeMesh.Core.Incidents;

/// <summary>
/// An operator's corrections of grouping: merging another incident into this one, splitting chosen
/// complaints out of it, and the ledger of complaints both re-derive the figures from. Re-deriving
/// means applying the complaints again under the same rules, so counts, phase and tier come out as
/// if they had always been grouped that way.
/// </summary>
public sealed partial class Incident
{
    /// <summary>Complaints a wave's ledger keeps; beyond this a merge adds figures and a split is refused.</summary>
    public const int LedgerKept = 1000;

    /// <summary>True when the wave's complaints are all in its ledger, so a split can re-derive both parts.</summary>
    public bool CanSplit => !State.IsNew && !State.IsClosed && !State.LedgerOverflowed && State.MergedInto is null;

    /// <summary>
    /// Takes the open wave of <paramref name="other"/> into this open one: its complaints, participants,
    /// signals and regulatory clocks. Counts, phase and tier are re-derived from both ledgers (when
    /// either overflowed, the figures are added: participants seen in both are then counted twice).
    /// Tier and phase never drop on a merge. Returns the one change that tells of it.
    /// </summary>
    public TierChange Absorb(IncidentState other, DateTimeOffset at, string by, string? note)
    {
        var state = State;
        var (fromTier, fromPhase) = (state.Tier, state.Phase);
        var exact = !state.LedgerOverflowed && !other.LedgerOverflowed;
        if (exact)
        {
            CopyWave(Rederive(state.Ledger.Concat(other.Ledger)));
        }
        else
        {
            AddFigures(other);
        }
        foreach (var fact in other.Ledger)
        {
            // A redelivery of the other key's complaints, forwarded here later, must not count twice.
            state.AppliedEvents.Add(fact.DedupId);
        }
        state.MergedFrom.Add(other.Id);
        state.LateComplaints += other.LateComplaints;
        state.ResponseDue = Earliest(state.ResponseDue, other.ResponseDue);

        var phase = Max(state.Phase, fromPhase, other.Phase);
        var (tier, reasons, rules) = TierPolicy.Decide(state, phase, _options);
        tier = Max(tier, fromTier, other.Tier);
        var why = $"{other.Id} ({other.Complaints} complaints, {other.ParticipantCount} customers) merged in by {Who(by, note)}"
            + (exact ? "" : "; figures added, participants in both may be counted twice");
        return Regrouped(at, fromTier, tier, fromPhase, phase, ChangeKind.Merged, [why, .. reasons], rules);
    }

    /// <summary>Closes this wave as merged into <paramref name="targetId"/>; later complaints on its key go to <paramref name="targetKey"/>.</summary>
    public TierChange MergedInto(string targetKey, string targetId, DateTimeOffset at, string by, string? note)
    {
        State.MergedInto = targetKey;
        State.MergedIntoId = targetId;
        State.Clocks = new();
        return CloseAt(at, ChangeKind.Merged, $"merged into {targetId} by {Who(by, note)}; later complaints on this key go there");
    }

    /// <summary>
    /// Moves the complaints <paramref name="chosen"/> picks out into a new incident on
    /// <paramref name="newKey"/>, and re-derives what stays from the rest. Null when the choice
    /// picks none or all of them. Only for a wave whose ledger holds all its complaints (<see cref="CanSplit"/>).
    /// </summary>
    public (IncidentState SplitOff, TierChange Change)? Split(Func<ComplaintFact, bool> chosen, string newKey, DateTimeOffset at, string by, string? note)
    {
        var state = State;
        if (!CanSplit)
        {
            throw new InvalidOperationException($"incident {state.Id} cannot be split: {(state.LedgerOverflowed ? $"it has more than the {LedgerKept} complaints it keeps" : "it is not open")}");
        }
        var moving = state.Ledger.Where(chosen).ToList();
        if (moving.Count == 0 || moving.Count == state.Ledger.Count)
        {
            return null;
        }
        var staying = state.Ledger.Except(moving).ToList();
        var (fromTier, fromPhase) = (state.Tier, state.Phase);
        var splitOff = Rederive(moving, newKey);
        splitOff.Id = IncidentKeys.IncidentId(newKey, 1);
        // Its history is its own opening and rises, as they would have been.
        splitOff.SplitFrom = state.Id;

        CopyWave(Rederive(staying));
        // A split re-derives what stays, so tier and phase may drop, unlike on a complaint.
        var (tier, reasons, rules) = TierPolicy.Decide(state, state.Phase, _options);
        var why = $"{moving.Count} complaints of {moving.Select(f => f.CustomerKey).Distinct().Count()} customers split out into {splitOff.Id} by {Who(by, note)}";
        return (splitOff, Regrouped(at, fromTier, tier, fromPhase, state.Phase, ChangeKind.Split, [why, .. reasons], rules));
    }

    private void Keep(ComplaintFact fact)
    {
        var state = State;
        if (!KeepsLedger || state.LedgerOverflowed)
        {
            return;
        }
        if (state.Ledger.Count >= LedgerKept)
        {
            // A partial ledger re-derives nothing: free its space.
            state.LedgerOverflowed = true;
            state.Ledger = [];
            return;
        }
        // Nothing that names the customer beyond their key: the incident holds no identifiers, sealed or masked.
        state.Ledger.Add(fact.LinkedKeys.Count == 0 && fact.Identifiers.Count == 0 ? fact : fact with { LinkedKeys = [], Identifiers = [] });
    }

    /// <summary>The wave these complaints make on their own, under the same rules (one wave, however long it ran).</summary>
    private IncidentState Rederive(IEnumerable<ComplaintFact> facts, string? key = null)
    {
        var fresh = new IncidentState();
        var replay = new Incident(fresh, _options.ForOneWave());
        foreach (var fact in facts.OrderBy(f => f.OccurredAt).ThenBy(f => f.DedupId, StringComparer.Ordinal))
        {
            replay.Apply(fact with { IncidentKey = key ?? State.Key });
        }
        return fresh;
    }

    /// <summary>Takes the wave's figures from a re-derived state; keeps what belongs to the key and to operators.</summary>
    private void CopyWave(IncidentState from)
    {
        var state = State;
        state.Phase = from.Phase;
        state.PhaseReason = from.PhaseReason;
        state.FirstSeen = from.FirstSeen;
        state.LastSeen = from.LastSeen;
        state.LastActive = from.LastActive;
        state.Complaints = from.Complaints;
        state.Contacts = from.Contacts;
        state.ParticipantCount = from.ParticipantCount;
        state.Participants = from.Participants;
        state.Distinct = from.Distinct;
        state.Recent = from.Recent;
        state.Arrivals = from.Arrivals;
        state.PeakWindowCustomers = from.PeakWindowCustomers;
        state.PeakHourCustomers = from.PeakHourCustomers;
        state.ComplaintsByChannel = from.ComplaintsByChannel;
        state.ContactsByChannel = from.ContactsByChannel;
        state.ComplaintsByCategory = from.ComplaintsByCategory;
        state.MediaCustomers = from.MediaCustomers;
        state.SafetyCustomers = from.SafetyCustomers;
        state.RegulatorCases = from.RegulatorCases;
        state.ProfessionalComplainers = from.ProfessionalComplainers;
        state.ElevatedSignals = from.ElevatedSignals;
        state.Templated = from.Templated;
        state.Templates = from.Templates;
        state.Chains = from.Chains;
        state.Hourly = from.Hourly;
        state.Samples = from.Samples;
        state.Ledger = from.Ledger;
        state.LedgerOverflowed = from.LedgerOverflowed;
        _participants = Tracker();
    }

    /// <summary>A merge past the ledger: the other wave's figures added to this one's.</summary>
    private void AddFigures(IncidentState other)
    {
        var state = State;
        state.Complaints += other.Complaints;
        state.Contacts += other.Contacts;
        state.ParticipantCount += other.ParticipantCount;
        state.Templated += other.Templated;
        Add(state.ComplaintsByChannel, other.ComplaintsByChannel);
        Add(state.ContactsByChannel, other.ContactsByChannel);
        Add(state.ComplaintsByCategory, other.ComplaintsByCategory);
        state.Participants = [.. state.Participants.Concat(other.Participants)
            .GroupBy(p => p.CustomerKey, StringComparer.Ordinal).Select(g => g.MinBy(p => p.FirstAt)!)
            .OrderBy(p => p.FirstAt).Take(ParticipantSample)];
        foreach (var (mine, theirs) in new[] { (state.MediaCustomers, other.MediaCustomers), (state.SafetyCustomers, other.SafetyCustomers),
                     (state.RegulatorCases, other.RegulatorCases), (state.ProfessionalComplainers, other.ProfessionalComplainers) })
        {
            theirs.Keys.ForEach(key => mine.Add(key));
            mine.Beyond += theirs.Beyond;
        }
        state.ElevatedSignals.UnionWith(other.ElevatedSignals);
        state.PeakWindowCustomers = Math.Max(state.PeakWindowCustomers, other.PeakWindowCustomers);
        state.PeakHourCustomers = Math.Max(state.PeakHourCustomers, other.PeakHourCustomers);
        state.Samples = [.. state.Samples.Concat(other.Samples).OrderBy(s => s.At).Take(SamplesKept)];
        state.FirstSeen = Earliest(state.FirstSeen, other.FirstSeen);
        state.LastSeen = Latest(state.LastSeen, other.LastSeen);
        state.LastActive = Latest(state.LastActive, other.LastActive);
        state.LedgerOverflowed = true;
        state.Ledger = [];
        _participants = Tracker();
    }

    private TierChange Regrouped(DateTimeOffset at, Tier fromTier, Tier tier, Phase fromPhase, Phase phase, ChangeKind kind, IReadOnlyList<string> reasons, IReadOnlyList<TierRule> rules)
    {
        var state = State;
        // The history records the change from what it was; Record reads the "from" side off the state.
        (state.Tier, state.Phase) = (fromTier, fromPhase);
        return Record(at, tier, phase, kind, reasons, state.ResponseDue ?? at + _options.DeadlineFor(tier), rules);
    }

    private static string Who(string by, string? note) => string.IsNullOrWhiteSpace(note) ? by : $"{by}: {note}";

    private static void Add<TKey>(Dictionary<TKey, long> into, Dictionary<TKey, long> from) where TKey : notnull
    {
        foreach (var (key, count) in from)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }

    private static T Max<T>(T a, T b, T c) where T : struct, Enum =>
        new[] { a, b, c }.Max();

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
