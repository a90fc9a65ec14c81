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
