using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Host.Board;

/// <summary>
/// An incident as its page shows it: the chart's hourly series and the key's baseline, the tier
/// history, the starter and follower chain, sample complaints, signals, the playbook, operator
/// actions and the audit trail. For viewers every customer is a numbered label ("#3") instead of
/// a key, and operator names and notes are left out.
/// </summary>
public sealed record BoardIncident(
    BoardItem Summary,
    DateTimeOffset? HourlyFrom,
    IReadOnlyDictionary<Channel, int[]> HourlyByChannel,
    BoardBaseline? Baseline,
    IReadOnlyDictionary<Channel, long> ComplaintsByChannel,
    IReadOnlyDictionary<Channel, long> ContactsByChannel,
    IReadOnlyDictionary<ComplaintCategory, long> ComplaintsByCategory,
    IReadOnlyList<BoardHistoryEntry> History,
    IReadOnlyList<BoardParticipant> Participants,
    BoardChain Chain,
    IReadOnlyList<BoardSample> Samples,
    BoardSignals Signals,
    string Playbook,
    BoardAction? Acknowledged,
    BoardAction? Resolved,
    IReadOnlyList<BoardAuditEntry> Audit,
    IReadOnlyList<BoardItem> EarlierWaves,
    BoardPermissions Can)
{
    /// <summary>Regulatory deadlines, earliest first; case references only for those who may see customers.</summary>
    public IReadOnlyList<DeadlineView> Deadlines { get; init; } = [];

    /// <summary>Operators' regrouping: the incident this one was merged into, those merged into it, the one it was split out of.</summary>
    public string? MergedInto { get; init; }

    public IReadOnlyList<string> MergedFrom { get; init; } = [];

    public string? SplitFrom { get; init; }
}

/// <summary>The key's usual volume: per hour on an ordinary day, and its usual busiest hour; <paramref name="Source"/> says when it was taken.</summary>
public sealed record BoardBaseline(double PerHour, double PeakHour, double Daily, int Days, string Source);

public sealed record BoardHistoryEntry(
    DateTimeOffset At, ChangeKind Kind, Tier FromTier, Tier ToTier, Phase FromPhase, Phase ToPhase,
    IReadOnlyList<string> Reasons, long Participants, long Templated, DateTimeOffset ResponseDue);

/// <summary>A participant: a label for everyone, the key for operators; whom they followed (a reply or repost), if anyone.</summary>
public sealed record BoardParticipant(string Label, string? CustomerKey, Channel Channel, DateTimeOffset FirstAt, long? Followers, string? FollowerOf, bool Starter);

public sealed record BoardChain(string? Root, long Edges, IReadOnlyList<BoardChainEdge> Sample);

public sealed record BoardChainEdge(string Leader, string Follower, string Via, DateTimeOffset At);

public sealed record BoardSample(string Customer, Channel Channel, DateTimeOffset At, string Text, ComplaintCategory Category, RiskSignals Risks, bool Templated);

public sealed record BoardSignals(
    IReadOnlyList<string> Elevated, int MediaCustomers, int SafetyCustomers, int RegulatorCases, IReadOnlyList<string> RegulatorCaseRefs,
    long ProfessionalComplainers, int PeakHourCustomers, int PeakWindowCustomers, string? PhaseReason);

/// <summary>An operator action: when and at which tier for everyone; who and their note for operators.</summary>
public sealed record BoardAction(DateTimeOffset At, Tier Tier, string? By, string? Note);

public sealed record BoardAuditEntry(DateTimeOffset At, string Action, string? Actor, string? Role, string? Reason);

/// <summary>What the signed-in caller may do on the page.</summary>
public sealed record BoardPermissions(bool Act, bool SeeCustomers, bool Reveal);
