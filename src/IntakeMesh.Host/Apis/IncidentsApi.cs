using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/acknowledge", AcknowledgeAsync);
        group.MapPost("/{id}/resolve", ResolveAsync);
        return group;
    }

    /// <summary>An operator's note on an action; <c>by</c> names the operator until sign-in exists.</summary>
    public sealed record OperatorNote(string? Note, string? By);

    private static Task<Results<Ok<IncidentSummary>, NotFound, Conflict<string>, ValidationProblem>> AcknowledgeAsync(string id, OperatorNote? body, IGrainFactory grains) =>
        ActAsync(id, body, grains, requireNote: false, (grain, by, note) => grain.AcknowledgeAsync(by, note));

    private static Task<Results<Ok<IncidentSummary>, NotFound, Conflict<string>, ValidationProblem>> ResolveAsync(string id, OperatorNote? body, IGrainFactory grains) =>
        ActAsync(id, body, grains, requireNote: true, (grain, by, note) => grain.ResolveAsync(by, note));

    private static async Task<Results<Ok<IncidentSummary>, NotFound, Conflict<string>, ValidationProblem>> ActAsync(
        string id, OperatorNote? body, IGrainFactory grains, bool requireNote, Func<IIncidentGrain, string, string?, Task<IncidentSummary?>> act)
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
        var updated = await act(grain, string.IsNullOrWhiteSpace(body?.By) ? "operator" : body.By.Trim(), body?.Note?.Trim());
        if (updated is null)
        {
            return TypedResults.NotFound();
        }
        await board.UpdateAsync(new([updated]));
        return TypedResults.Ok(updated);
    }

    /// <summary>Every incident, highest tier first.</summary>
    private static async Task<Ok<IncidentSummary[]>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IIncidentBoardGrain>(0).ListAsync());

    private static async Task<Results<Ok<IncidentDetail>, NotFound>> GetAsync(string id, IGrainFactory grains)
    {
        var summary = await grains.GetGrain<IIncidentBoardGrain>(0).FindAsync(id);
        if (summary is null)
        {
            return TypedResults.NotFound();
        }
        var state = await grains.GetGrain<IIncidentGrain>(summary.Key).GetAsync();
        return state is null ? TypedResults.NotFound() : TypedResults.Ok(IncidentDetail.From(state));
    }
}
