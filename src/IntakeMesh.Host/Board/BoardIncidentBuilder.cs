using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Host.Apis;

namespace IntakeMesh.Host.Board;

/// <summary>Builds <see cref="BoardIncident"/> from an incident's stored state, for one caller's permissions.</summary>
public static class BoardIncidentBuilder
{
    public static BoardIncident Build(IncidentState state, Baseline? current, IReadOnlyList<AuditRecord>? audit, BoardPermissions can)
    {
        var detail = IncidentDetail.From(state);
        var show = can.SeeCustomers;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var participant in detail.FirstParticipants)
        {
            labels.TryAdd(participant.CustomerKey, $"#{labels.Count + 1}");
        }
        string Name(string key) => show ? key : labels.GetValueOrDefault(key) ?? "another customer";

        var participants = detail.FirstParticipants.Select((p, i) => new BoardParticipant(
            labels[p.CustomerKey], show ? p.CustomerKey : null, p.Channel, p.FirstAt, p.Followers,
            p.FollowerOf is { } leader ? Name(leader) : null, i == 0)).ToList();
        var chain = new BoardChain(
            detail.ChainRoot is { } root ? Name(root) : null,
            detail.ChainEdges,
            [.. detail.ChainSample.Select(e => new BoardChainEdge(Name(e.Leader), Name(e.Follower), e.Via, e.At))]);
        var samples = detail.Samples.Select(s => new BoardSample(Name(s.CustomerKey), s.Channel, s.At, s.Text, s.Category, s.Risks, s.Templated)).ToList();
        var history = detail.History.Select(h => show ? h : OperatorReasons.WithoutOperator(h)).Select(h => new BoardHistoryEntry(
            h.At, h.Kind, h.FromTier, h.ToTier, h.FromPhase, h.ToPhase, h.Reasons, h.Participants, h.Templated, h.ResponseDue)).ToList();
        var signals = new BoardSignals(
            detail.ElevatedSignals, detail.MediaCustomers, detail.SafetyCustomers, detail.RegulatorCases, show ? detail.RegulatorCaseRefs : [],
            detail.ProfessionalComplainers, detail.PeakHourCustomers, detail.PeakWindowCustomers, detail.PhaseReason);

        return new BoardIncident(
            BoardItem.From(detail.Summary, show),
            detail.Summary.HourlyFrom,
            detail.HourlyByChannel,
            Baseline(current, detail.Baseline),
            detail.ComplaintsByChannel,
            detail.ContactsByChannel,
            detail.ComplaintsByCategory,
            history,
            participants,
            chain,
            samples,
            signals,
            detail.Playbook,
            Action(detail.Acknowledged, show),
            Action(detail.Resolved, show),
            Audit(state, audit, show),
            [.. detail.EarlierWaves.Select(w => BoardItem.From(w, show))],
            can)
        {
            Deadlines = show ? detail.Deadlines : [.. detail.Deadlines.Select((d, i) => d with { CaseReference = $"#{i + 1}" })],
            MergedInto = detail.MergedIntoId,
            MergedFrom = detail.MergedFrom,
            SplitFrom = detail.SplitFrom,
        };
    }

    private static BoardBaseline? Baseline(Baseline? current, Baseline? atPhase) =>
        current is { } now ? new BoardBaseline(now.Daily / 24, now.PeakHour, now.Daily, now.Days, "current")
        : atPhase is { } then ? new BoardBaseline(then.Daily / 24, then.PeakHour, then.Daily, then.Days, "phase")
        : null;

    private static BoardAction? Action(OperatorAction? action, bool show) =>
        action is null ? null : new BoardAction(action.At, action.Tier, show ? action.By : null, show ? action.Note : null);

    /// <summary>
    /// The audit log's entries about this incident when the caller may read them; otherwise (or
    /// while the log has none) the incident's own record of operator actions, newest first.
    /// </summary>
    private static List<BoardAuditEntry> Audit(IncidentState state, IReadOnlyList<AuditRecord>? audit, bool show)
    {
        if (show && audit is { Count: > 0 })
        {
            return [.. audit.Select(r => new BoardAuditEntry(r.At, r.Action, r.Actor, r.Role, r.Reason))];
        }
        var actions = new List<BoardAuditEntry>();
        foreach (var change in state.History.Where(h => h.Kind is ChangeKind.Acknowledged or ChangeKind.Resolved).Reverse())
        {
            var action = change.Kind == ChangeKind.Acknowledged ? AuditActions.IncidentAcknowledge : AuditActions.IncidentResolve;
            var operatorAction = change.Kind == ChangeKind.Acknowledged ? state.Acknowledged : state.Resolved;
            var same = operatorAction is not null && operatorAction.At == change.At;
            actions.Add(new BoardAuditEntry(change.At, action,
                show && same ? operatorAction!.By : null, null,
                show && same ? operatorAction!.Note : null));
        }
        return actions;
    }
}
