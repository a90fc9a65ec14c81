using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Intake;
using IntakeMesh.Host.Security;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class ComplaintsApi
{
    /// <summary>Complaints by event id: why each went where it went. Identifiers masked, so operators and admins only.</summary>
    public static RouteGroupBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/complaints").WithTags("Complaints").RequireRole(Role.Operator);
        group.MapGet("/{id}/explain", ExplainAsync);
        return group;
    }

    /// <summary>
    /// A complaint's explanation: the first delivery's, and a later delivery's when the same event
    /// came again and was dropped as a redelivery.
    /// </summary>
    public sealed record Explained(string ComplaintId, ComplaintExplanation Explanation, ComplaintExplanation? Redelivery);

    /// <summary>
    /// <paramref name="id"/> is the event id, or <c>channel:eventId</c> (e.g. <c>phone:ph-0001</c>)
    /// when the same event id came on several channels; a bare one that did is ambiguous (409).
    /// </summary>
    private static async Task<Results<Ok<Explained>, ProblemHttpResult>> ExplainAsync(string id, IExplanationStore store, CancellationToken cancellationToken)
    {
        var found = await Find(id, store, cancellationToken);
        if (found.Count == 0)
        {
            return TypedResults.Problem($"no explanation is kept for complaint '{id}': unknown, refused, or older than the store keeps",
                statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }
        var channels = found.Select(e => e.ComplaintId).Distinct(StringComparer.Ordinal).ToList();
        if (channels.Count > 1)
        {
            return TypedResults.Problem($"event id '{id}' came on several channels ({string.Join(", ", channels)}); ask for one as channel:eventId",
                statusCode: StatusCodes.Status409Conflict, title: "Ambiguous complaint id");
        }
        var first = found.FirstOrDefault(e => e.Verdict.Kind != DedupKind.Redelivery);
        var redelivery = found.FirstOrDefault(e => e.Verdict.Kind == DedupKind.Redelivery);
        return TypedResults.Ok(new Explained(channels[0], first ?? redelivery!, first is null ? null : redelivery));
    }

    private static async Task<IReadOnlyList<ComplaintExplanation>> Find(string id, IExplanationStore store, CancellationToken cancellationToken)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && id[..colon].All(char.IsAsciiLetter) && Enum.TryParse<Channel>(id[..colon], ignoreCase: true, out var channel))
        {
            var qualified = await store.FindAsync(id[(colon + 1)..], channel, cancellationToken);
            if (qualified.Count > 0)
            {
                return qualified;
            }
        }
        // An event id may itself hold a colon.
        return await store.FindAsync(id, null, cancellationToken);
    }
}
