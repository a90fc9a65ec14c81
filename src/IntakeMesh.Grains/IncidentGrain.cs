using IntakeMesh.Abstractions;
using IntakeMesh.Alerts;
using IntakeMesh.Alerts.Policy;
using IntakeMesh.Contracts.Alerts;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Regulation;
using IntakeMesh.Grains.Alerting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace IntakeMesh.Grains;

/// <summary>
/// Thin shell around <see cref="Incident"/>: applies a batch in event-time order and stores the
/// incident together with the alerts its changes call for (an outbox), then publishes them and
/// marks them sent. Alerts the bus did not take are retried by a timer and on reactivation.
/// Reminders watch the first-response deadline, re-notify open high-tier incidents, and sound the
/// regulatory clocks' warnings and breaches.
/// </summary>
public sealed partial class IncidentGrain(
    [PersistentState("incident", StorageNames.State)] IPersistentState<IncidentGrainState> state,
    IOptions<DetectionOptions> options,
    AlertFactory alerts,
    RenotifyPolicy renotify,
    RegulatoryClocks regulation,
    IAlertPublisher publisher,
    TimeProvider time,
    IncidentInstruments instruments,
    ILogger<IncidentGrain> logger)
    : Grain, IIncidentGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";
    private const string RenotifyReminder = "renotify";
    private const string RegulatoryReminder = "regulatory";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(10);

    // The same source name as ingestion's, so the alert span joins the batch's trace.
    private static readonly System.Diagnostics.ActivitySource Tracing = new("IntakeMesh");
    private static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromMinutes(1);

    private Incident? _incident;
    private IGrainTimer? _retry;

    // Alerts the bus took since the last write. That they went out is stored with the next write
    // (or at deactivation), not by a write of its own: a crash in between only publishes them
    // again under the same ids, which receivers dedup.
    private bool _sentSinceWrite;

    // The reminders this activation knows to be registered (with the deadline they watch) or absent:
    // a batch talks to the reminder service only when that changes. Unknown until first checked.
    private readonly Dictionary<string, DateTimeOffset?> _reminders = [];

    private Incident Model => _incident ??= new Incident(state.State.Incident, options.Value);

    private IncidentState Current => state.State.Incident;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            // Reminders are registered only after the state that needs them is stored, so a key
            // with nothing stored has none: a new incident need not ask the reminder table.
            _reminders[DeadlineReminder] = null;
            _reminders[RegulatoryReminder] = null;
            _reminders[RenotifyReminder] = null;
        }
        EnsureRetry();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_sentSinceWrite)
        {
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                // Not fatal: the alerts stay in the stored outbox and go out again; receivers dedup by alert id.
                LogMarkSentFailed(logger, ex);
            }
        }
    }

    async Task<Immutable<IncidentUpdate>> IIncidentGrain.ApplyAsync(Immutable<ComplaintFact[]> complaints)
    {
        if (Current.MergedInto is { } into)
        {
            // An operator merged this key's incident into another: its complaints belong there now.
            return await GrainFactory.GetGrain<IIncidentGrain>(into).ApplyAsync(new([.. complaints.Value.Select(f => f with { IncidentKey = into })]));
        }
        var incident = Model;
        var batch = complaints.Value;
        var wave = Current.Wave;
        var templatedBefore = Current.Templated;
        var changes = new List<TierChange>();
        foreach (var fact in batch.OrderBy(f => f.OccurredAt))
        {
            incident.Apply(fact, changes);
            StartClock(fact);
        }
        Enqueue(changes, batch);
        await WriteAsync();
        await PublishOutboxAsync();
        await ScheduleAsync();
        var closed = changes.Any(c => c.Kind == ChangeKind.Closed) && Current.ClosedWaves.Count > 0
            ? new[] { Current.ClosedWaves[^1] }
            : [];
        var newlyTemplated = Current.Wave == wave ? Current.Templated - templatedBefore : Current.Templated;
        return new(new IncidentUpdate(IncidentSummary.From(Current), changes) { ClosedWaves = closed, NewlyTemplated = newlyTemplated, Placements = incident.TakePlacements() });
    }

    async Task<IncidentSummary?> IIncidentGrain.AcknowledgeAsync(string by, string? note)
    {
        if (Current.IsNew)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var change = Model.Acknowledge(now, by, note);
        var stopped = regulation.Stop(Current.Clocks, StopCondition.Acknowledged, now);
        if (change is not null)
        {
            Enqueue([change], []);
        }
        if (change is not null || stopped > 0)
        {
            await WriteAsync();
            await PublishOutboxAsync();
        }
        await ScheduleAsync();
        return IncidentSummary.From(Current);
    }

    async Task<IncidentSummary?> IIncidentGrain.ResolveAsync(string by, string? note)
    {
        if (Current.IsNew)
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (Model.Resolve(now, by, note) is not null)
        {
            regulation.Stop(Current.Clocks, StopCondition.Resolved, now);
            var resolved = alerts.Resolved(Current.Id, Current.Key, Current.Tier.ToString(), now, by, note);
            state.State.Outbox.Add(AlertMapping.Entry(resolved, now));
            await WriteAsync();
            await PublishOutboxAsync();
        }
        await ScheduleAsync();
        return IncidentSummary.From(Current);
    }

    async Task<IncidentSummary?> IIncidentGrain.MarkExceptionalAsync(string caseRef, string stage)
    {
        if (Current.IsNew)
        {
            return null;
        }
        var clock = Current.Clocks.Find(caseRef)
            ?? throw new InvalidOperationException($"incident {Current.Id} has no regulatory clock for case {caseRef}");
        if (!regulation.MarkExceptional(clock, stage, time.GetUtcNow()))
        {
            throw new InvalidOperationException($"stage '{stage}' of case {caseRef} cannot be made exceptional: its rule ({clock.Rule}) has no exceptional length for it, or it is met, already exceptional, past due, or set by the record's own due date");
        }
        await WriteAsync();
        await ScheduleAsync();
        return IncidentSummary.From(Current);
    }

    Task<IncidentState?> IIncidentGrain.GetAsync() =>
        Task.FromResult(Current.IsNew ? null : Current);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // One that ticks is registered, whatever this activation assumed.
        _reminders.Remove(reminderName);
        var now = time.GetUtcNow();
        if (reminderName == DeadlineReminder && Model.CheckDeadline(now) is { } missed)
        {
            instruments.SlaBreached(missed.FromTier.ToString());
            Enqueue([missed], []);
            var sequence = state.State.AlertedChanges;
            state.State.Outbox.Add(AlertMapping.Entry(
                alerts.SlaBreached(Current.Id, Current.Key, missed.FromTier.ToString(), sequence, missed.At, now), now));
            await WriteAsync();
            await PublishOutboxAsync();
        }
        else if (reminderName == RegulatoryReminder && regulation.DueAlarms(Current.Clocks, now) is { Count: > 0 } alarms)
        {
            EnqueueAlarms(alarms, now);
            await WriteAsync();
            await PublishOutboxAsync();
        }
        else if (reminderName == RenotifyReminder && renotify.IsDue(Current.Tier.ToString(), state.State.LastNotifiedAt ?? now, Acknowledged, Closed, now))
        {
            state.State.Reminders++;
            AlertMapping.EnqueueReminder(state.State, alerts, state.State.Reminders, now);
            state.State.LastNotifiedAt = now;
            await WriteAsync();
            await PublishOutboxAsync();
        }
        await ScheduleAsync();
    }

    private bool Acknowledged => Current.Acknowledged is not null;

    /// <summary>Starts the regulatory clock of a complaint that reached a regulator or a regulated product line, once per case.</summary>
    private void StartClock(ComplaintFact fact)
    {
        // A repeat contact belongs to its first contact's case.
        var caseRef = CaseOf(fact);
        if (Current.Clocks.Find(caseRef) is null
            && regulation.Start(fact.RegulatorBody, fact.Brand, fact.Product, caseRef, fact.OccurredAt, fact.RegulatorDueAt) is { } clock)
        {
            regulation.Add(Current.Clocks, clock);
        }
    }

    /// <summary>One warning alert per share of time crossed and one breach alert, whatever number of cases they cover.</summary>
    private void EnqueueAlarms(IReadOnlyList<RegulatoryAlarm> alarms, DateTimeOffset now)
    {
        static RegulatoryDeadline Deadline(RegulatoryAlarm alarm) => new(alarm.CaseRef, alarm.Rule, alarm.Stage, alarm.DueAt);
        var tier = Current.Tier.ToString();
        foreach (var warnings in alarms.Where(a => a.Kind == AlarmKind.Warning).GroupBy(a => a.Fraction ?? 0))
        {
            foreach (var alarm in warnings)
            {
                instruments.RegulatoryWarning(alarm.Rule, alarm.Stage, warnings.Key);
            }
            var warning = alerts.RegulatoryWarning(Current.Id, Current.Key, tier, warnings.Key, [.. warnings.Select(Deadline)], warnings.Max(a => a.At));
            state.State.Outbox.Add(AlertMapping.Entry(warning, now));
        }
        var breaches = alarms.Where(a => a.Kind == AlarmKind.Breach).ToList();
        if (breaches.Count > 0)
        {
            foreach (var alarm in breaches)
            {
                instruments.RegulatoryBreach(alarm.Rule, alarm.Stage);
            }
            state.State.Outbox.Add(AlertMapping.Entry(alerts.RegulatoryBreach(Current.Id, Current.Key, tier, [.. breaches.Select(Deadline)], now), now));
        }
    }

    private bool Closed => Current.Resolved is not null || Current.ClosedAt is not null;

    private void Enqueue(IReadOnlyList<TierChange> changes, IReadOnlyList<ComplaintFact> batch)
    {
        var now = time.GetUtcNow();
        if (AlertMapping.Enqueue(state.State, changes, batch, alerts, now))
        {
            state.State.LastNotifiedAt = now;
            state.State.Reminders = 0;
        }
    }

    /// <summary>
    /// Keeps the reminders in line with the incident: a deadline reminder while a future
    /// first-response deadline is unacknowledged, a re-notify reminder while the policy applies.
    /// Deadlines already past when seen (replayed history) do not escalate.
    /// </summary>
    private async Task ScheduleAsync()
    {
        var now = time.GetUtcNow();
        var open = !Current.IsNew && !Closed;
        if (open && !Acknowledged && Current.ResponseDue is { } due && due > now)
        {
            await KeepReminderAsync(DeadlineReminder, due, due - now, MinimumReminderPeriod);
        }
        else
        {
            await DropReminderAsync(DeadlineReminder);
        }
        if (regulation.NextAlarmAt(Current.Clocks) is { } alarm)
        {
            // Reminders tick at least a minute apart; the first one comes when the alarm is due.
            await KeepReminderAsync(RegulatoryReminder, alarm, alarm > now ? alarm - now : TimeSpan.FromSeconds(1), MinimumReminderPeriod);
        }
        else
        {
            await DropReminderAsync(RegulatoryReminder);
        }
        if (open && renotify.Applies(Current.Tier.ToString(), Acknowledged, Closed))
        {
            // Registered once, not pushed back by every batch: a busy incident is re-notified on time too.
            await KeepReminderAsync(RenotifyReminder, DateTimeOffset.MinValue, renotify.Interval, renotify.Interval > MinimumReminderPeriod ? renotify.Interval : MinimumReminderPeriod);
        }
        else
        {
            await DropReminderAsync(RenotifyReminder);
        }
    }

    private async Task KeepReminderAsync(string name, DateTimeOffset mark, TimeSpan dueIn, TimeSpan period)
    {
        if (_reminders.TryGetValue(name, out var registered) && registered == mark)
        {
            return;
        }
        await this.RegisterOrUpdateReminder(name, dueIn, period);
        _reminders[name] = mark;
    }

    private async Task DropReminderAsync(string name)
    {
        if (_reminders.TryGetValue(name, out var registered) && registered is null)
        {
            return;
        }
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminders[name] = null;
    }

    /// <summary>Publishes every stored alert; each one leaves the outbox only once the bus took it.</summary>
    private async Task PublishOutboxAsync()
    {
        if (state.State.Outbox.Count == 0)
        {
            EnsureRetry();
            return;
        }
        using var activity = Tracing.StartActivity("alerts publish", System.Diagnostics.ActivityKind.Producer);
        activity?.SetTag("messaging.batch.message_count", state.State.Outbox.Count);
        var published = 0;
        foreach (var entry in state.State.Outbox.ToList())
        {
            try
            {
                await publisher.PublishAsync(AlertMapping.Read(entry));
                state.State.Outbox.Remove(entry);
                published++;
            }
            catch (Exception ex)
            {
                LogPublishFailed(logger, ex, entry.AlertId);
                break;
            }
        }
        _sentSinceWrite |= published > 0;
        EnsureRetry();
    }

    private void EnsureRetry()
    {
        if (state.State.Outbox.Count == 0)
        {
            _retry?.Dispose();
            _retry = null;
            return;
        }
        _retry ??= this.RegisterGrainTimer(
            static (grain, _) => grain.PublishOutboxAsync(), this,
            new GrainTimerCreationOptions { DueTime = RetryPeriod, Period = RetryPeriod, Interleave = false });
    }

    private async Task WriteAsync()
    {
        try
        {
            Current.Revision++;
            await state.WriteStateAsync();
            _sentSinceWrite = false;
        }
        catch
        {
            // The in-memory state is ahead of storage now; start again from what was stored, and
            // neither publish nor store anything of it meanwhile.
            _sentSinceWrite = false;
            _retry?.Dispose();
            _retry = null;
            _incident = null;
            DeactivateOnIdle();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing alert {AlertId} failed; it stays in the outbox and is retried")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing that alerts were sent failed at deactivation; they will be published again (receivers dedup by alert id)")]
    private static partial void LogMarkSentFailed(ILogger logger, Exception exception);
}
