using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Grains.Audit;
using IntakeMesh.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class AuditApi
{
    public const int DefaultLimit = 50;

    /// <summary>GET /api/audit?limit=&amp;before= (admin): the audit log, newest first, a page at a time.</summary>
    public static RouteHandlerBuilder MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", ListAsync).WithTags("Audit").RequireRole(Role.Admin);

    /// <summary><paramref name="before"/> is the <c>nextBefore</c> of the previous page: records with a lower id.</summary>
    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(int? limit, long? before, IGrainFactory grains)
    {
        if (limit is < 1 or > AuditLogGrain.MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {AuditLogGrain.MaxLimit}"] });
        }
        if (before is < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["before must be a record id from an earlier page's nextBefore"] });
        }
        return TypedResults.Ok(await grains.GetAuditLog().ListAsync(limit ?? DefaultLimit, before));
    }
}
