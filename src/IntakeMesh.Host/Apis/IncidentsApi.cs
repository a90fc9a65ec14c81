using System.Security.Claims;
using IntakeMesh.Abstractions;
using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class IncidentsApi
{
    /// <summary>Viewers read incidents without personal data; operators also see customer keys and act.</summary>
    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents").RequireRole(Role.Viewer);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/acknowledge", AcknowledgeAsync).RequireRole(Role.Operator);
        group.MapPost("/{id}/resolve", ResolveAsync).RequireRole(Role.Operator);
        group.MapPost("/{id}/merge", MergeAsync).RequireRole(Role.Operator);
        group.MapPost("/{id}/split", SplitAsync).RequireRole(Role.Operator);
        group.MapPost("/{id}/deadlines/exceptional", ExceptionalAsync).RequireRole(Role.Operator);
        return group;
    }

    /// <summary>An operator's note on an action. Who acted comes from sign-in, never from the body.</summary>
    public sealed record OperatorNote(string? Note);

    private static Task<Results<Ok<IncidentSummary>, NotFound, Conflict<string>, ValidationProblem>> AcknowledgeAsync(
        string id, OperatorNote? body, ClaimsPrincipal user, IGrainFactory grains) =>
        ActAsync(id, body, Caller.From(user), grains, AuditActions.IncidentAcknowledge, requireNote: false, (grain, by, note) => grain.AcknowledgeAsync(by, note));

    private static Task<Results<Ok<IncidentSummary>, NotFound, Conflict<string>, ValidationProblem>> ResolveAsync(
        string id, OperatorNote? body, ClaimsPrincipal user, IGrainFactory grains) =>
        ActAsync(id, body, Caller.From(user), grains, AuditActions.IncidentResolve, requireNote: true, (grain, by, note) => grain.ResolveAsync(by, note));

    private static async Task<Results<Ok<IncidentSummary>, NotFound, Conflict<string>, ValidationProblem>> ActAsync(
        string id, OperatorNote? body, Caller caller, IGrainFactory grains, string action, bool requireNote,
        Func<IIncidentGrain, string, string?, Task<IncidentSummary?>> act)
    {
        if (requireNote && string.IsNullOrWhiteSpace(body?.Note))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["a resolution needs a note saying how it was resolved"] });
        }
        var board = grains.GetGrain<IIncidentBoardGrain>(0);
        if (await board.FindAsync(id) is not { } summary)
        {
            return TypedResults.NotFound();
        }
        var grain = grains.GetGrain<IIncidentGrain>(summary.Key);
        if (await grain.GetAsync() is { } current && current.Id != id)
        {
            return TypedResults.Conflict($"incident {id} is closed; its key's current incident is {current.Id}");
        }
        var note = body?.Note?.Trim();
        // Logged before it takes effect: if the log cannot be written, nothing happens unlogged.
        await grains.GetAuditLog().RecordAsync(new AuditEntry(caller.Name, caller.RoleName, action, $"incident {id}", note, $"key {summary.Key}, tier {summary.Tier}"));
        var updated = await act(grain, caller.Name, note);
        if (updated is null)
        {
            return TypedResults.NotFound();
        }
        await board.UpdateAsync(new([updated]));
        return TypedResults.Ok(updated);
    }

    /// <summary>Merge this incident into <c>Into</c> (another open incident's id), with a note saying why.</summary>
    public sealed record MergeRequest(string? Into, string? Note);

    /// <summary>Split out the complaints of these customers, or within [From, To), or both; with a note saying why.</summary>
    public sealed record SplitRequest(IReadOnlyList<string>? Customers, DateTimeOffset? From, DateTimeOffset? To, string? Note);

    private static async Task<Results<Ok<Regrouped>, NotFound, Conflict<string>, ValidationProblem>> MergeAsync(
        string id, MergeRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Into))
        {
            errors["into"] = ["name the incident to merge into"];
        }
        if (string.IsNullOrWhiteSpace(body?.Note))
        {
            errors["note"] = ["a merge needs a note saying why these are one incident"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var into = body!.Into!.Trim();
        if (await CurrentAsync(grains, id) is not { } source || await CurrentAsync(grains, into) is not { } target)
        {
            return TypedResults.NotFound();
        }
        if (source.Summary is null || target.Summary is null)
        {
            return TypedResults.Conflict($"incident {(source.Summary is null ? id : into)} is closed; only open incidents are merged");
        }
        return await RegroupAsync(grains, Caller.From(user), AuditActions.IncidentMerge, id, body.Note!.Trim(), $"into {into} ({target.Summary.Key})",
            grain => grain.MergeIntoAsync(target.Summary.Key, Caller.From(user).Name, body.Note!.Trim()), source.Grain);
    }

    private static async Task<Results<Ok<Regrouped>, NotFound, Conflict<string>, ValidationProblem>> SplitAsync(
        string id, SplitRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        var customers = body?.Customers?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList() ?? [];
        if (customers.Count == 0 && body?.From is null && body?.To is null)
        {
            errors["customers"] = ["choose the complaints to split out: customers, a time range (from, to), or both"];
        }
        if (body?.From is { } from && body.To is { } to && from >= to)
        {
            errors["to"] = ["the range must end after it starts"];
        }
        if (string.IsNullOrWhiteSpace(body?.Note))
        {
            errors["note"] = ["a split needs a note saying why these complaints are another incident"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await CurrentAsync(grains, id) is not { } source)
        {
            return TypedResults.NotFound();
        }
        if (source.Summary is null)
        {
            return TypedResults.Conflict($"incident {id} is closed; only open incidents are split");
        }
        var choice = new SplitChoice(customers, body!.From, body.To);
        var detail = $"{customers.Count} customers" + (choice.From is null && choice.To is null ? "" : $", from {choice.From:O} to {choice.To:O}");
        return await RegroupAsync(grains, Caller.From(user), AuditActions.IncidentSplit, id, body.Note!.Trim(), detail,
            grain => grain.SplitAsync(choice, Caller.From(user).Name, body.Note!.Trim()), source.Grain);
    }

    /// <summary>Give the case's stage (by default <c>final</c>) the rule's exceptional length, with a note saying why.</summary>
    public sealed record ExceptionalRequest(string? Case, string? Stage, string? Note);

    private static async Task<Results<Ok<IncidentSummary>, NotFound, Conflict<string>, ValidationProblem>> ExceptionalAsync(
        string id, ExceptionalRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Case))
        {
            errors["case"] = ["name the case reference whose deadline is exceptional"];
        }
        if (string.IsNullOrWhiteSpace(body?.Note))
        {
            errors["note"] = ["say why the case is exceptional; the note is kept in the audit log"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await CurrentAsync(grains, id) is not { } incident)
        {
            return TypedResults.NotFound();
        }
        var (caseRef, stage, note) = (body!.Case!.Trim(), string.IsNullOrWhiteSpace(body.Stage) ? "final" : body.Stage.Trim(), body.Note!.Trim());
        var caller = Caller.From(user);
        await grains.GetAuditLog().RecordAsync(new AuditEntry(caller.Name, caller.RoleName, AuditActions.DeadlineExceptional, $"incident {id}", note, $"case {caseRef}, stage {stage}"));
        try
        {
            return await incident.Grain.MarkExceptionalAsync(caseRef, stage) is { } summary ? TypedResults.Ok(summary) : TypedResults.NotFound();
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Conflict(ex.Message);
        }
    }

    /// <summary>The incident's grain, and its summary when <paramref name="id"/> is its key's current, open incident.</summary>
    private static async Task<(IIncidentGrain Grain, IncidentSummary? Summary)?> CurrentAsync(IGrainFactory grains, string id)
    {
        if (await grains.FindIncidentAsync(id) is not var (found, current))
        {
            return null;
        }
        var open = current.Id == id && !current.IsClosed && current.MergedInto is null;
        return (grains.GetGrain<IIncidentGrain>(found.Key), open ? IncidentSummary.From(current) : null);
    }

    private static async Task<Results<Ok<Regrouped>, NotFound, Conflict<string>, ValidationProblem>> RegroupAsync(
        IGrainFactory grains, Caller caller, string action, string id, string note, string detail,
        Func<IIncidentGrain, Task<Regrouped?>> act, IIncidentGrain grain)
    {
        // Logged before it takes effect: if the log cannot be written, nothing happens unlogged.
        await grains.GetAuditLog().RecordAsync(new AuditEntry(caller.Name, caller.RoleName, action, $"incident {id}", note, detail));
        try
        {
            if (await act(grain) is not { } regrouped)
            {
                return TypedResults.NotFound();
            }
            await grains.GetGrain<IIncidentBoardGrain>(0).UpdateAsync(new([regrouped.Incident, regrouped.Other]));
            return TypedResults.Ok(regrouped);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Conflict(ex.Message);
        }
    }

    /// <summary>Every incident, highest tier first.</summary>
    private static async Task<Results<Ok<IncidentSummary[]>, Ok<ViewerIncidentSummary[]>>> ListAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var incidents = await grains.GetGrain<IIncidentBoardGrain>(0).ListAsync();
        return Caller.From(user).Has(Role.Operator)
            ? TypedResults.Ok(incidents)
            : TypedResults.Ok(incidents.Select(ViewerIncidentSummary.From).ToArray());
    }

    private static async Task<Results<Ok<IncidentDetail>, Ok<ViewerIncidentDetail>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await grains.FindIncidentAsync(id) is not (_, var state))
        {
            return TypedResults.NotFound();
        }
        var detail = IncidentDetail.From(state);
        return Caller.From(user).Has(Role.Operator) ? TypedResults.Ok(detail) : TypedResults.Ok(ViewerIncidentDetail.From(detail));
    }
}
