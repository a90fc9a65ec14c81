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
        return group;
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
