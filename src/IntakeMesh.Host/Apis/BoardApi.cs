using System.Text;
using System.Text.Json;
using IntakeMesh.Abstractions;
using IntakeMesh.Abstractions.Audit;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Board;
using IntakeMesh.Host.Board;
using IntakeMesh.Host.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Apis;

/// <summary>
/// The incident board: the page itself at <c>/</c> (files carried inside the binary), a paged and
/// filtered read of the board, its change feed as server-sent events, and one incident as its
/// page shows it. Every read needs the viewer role; what a viewer sees leaves out customers.
/// </summary>
public static class BoardApi
{
    /// <summary>How many of the newest audit records an incident page's trail is looked for in.</summary>
    public const int AuditScan = 3000;

    /// <summary>Serves the board's files and maps its API; the change feed runs while the host does.</summary>
    public static WebApplication MapBoard(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(BoardApi).Assembly, "IntakeMesh.Host.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = file => Harden(file.Context.Response.Headers) });
        var feed = ActivatorUtilities.CreateInstance<BoardFeed>(app.Services);
        app.Lifetime.ApplicationStarted.Register(feed.Start);
        app.Lifetime.ApplicationStopping.Register(feed.Stop);
        app.MapBoardApi(feed);
        return app;
    }

    public static RouteGroupBuilder MapBoardApi(this IEndpointRouteBuilder app, BoardFeed feed)
    {
        var group = app.MapGroup("/api/board").WithTags("Board").RequireRole(Role.Viewer);
        group.MapGet("/", PageAsync);
        group.MapGet("/stream", (HttpContext context, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) => StreamAsync(context, feed, json.Value.SerializerOptions));
        group.MapGet("/incidents/{id}", IncidentAsync);
        return group;
    }

    /// <summary>One page of the board as <see cref="BoardItem"/> lines, with the board's version and open incidents per tier.</summary>
    public sealed record BoardPageView(
        IReadOnlyList<BoardItem> Items, int Total, int Page, int PageSize, BoardVersion Version, IReadOnlyDictionary<Tier, int> OpenByTier);

    private static async Task<Results<Ok<BoardPageView>, ValidationProblem>> PageAsync(HttpContext context, IGrainFactory grains)
    {
        if (!BoardQueryBinding.TryRead(context.Request.Query, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var show = Caller.From(context.User).Has(Role.Operator);
        var page = await grains.GetGrain<IIncidentBoardGrain>(0).PageAsync(query);
        return TypedResults.Ok(new BoardPageView(
            [.. page.Items.Select(s => BoardItem.From(s, show))], page.Total, page.Page, page.PageSize, page.Version, page.OpenByTier));
    }

    /// <summary>
    /// Server-sent events for one page: <c>snapshot</c> first, then <c>changes</c> at most once a
    /// second, and a comment line every 15 s. Read with fetch(), since EventSource cannot send the
    /// X-Api-Key header.
    /// </summary>
    private static async Task<IResult> StreamAsync(HttpContext context, BoardFeed feed, JsonSerializerOptions json)
    {
        if (!BoardQueryBinding.TryRead(context.Request.Query, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        var show = Caller.From(context.User).Has(Role.Operator);
        var response = context.Response;
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, feed.Stopping);
        var (subscriber, snapshot) = await feed.SubscribeAsync(query, show);
        try
        {
            await response.WriteAsync("retry: 3000\n\n", stop.Token);
            await WriteAsync(response, snapshot, json, stop.Token);
            await foreach (var message in subscriber.Events.ReadAllAsync(stop.Token))
            {
                await WriteAsync(response, message, json, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page closed, or the host is stopping.
        }
        finally
        {
            feed.Unsubscribe(subscriber);
        }
        return Results.Empty;
    }

    private static async Task WriteAsync(HttpResponse response, BoardEvent message, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var text = message.Data is null
            ? $": {message.Name}\n\n"
            : $"event: {message.Name}\ndata: {JsonSerializer.Serialize(message.Data, json)}\n\n";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>One incident for its page: chart series, baseline, history, chain, samples, signals, playbook, actions and audit trail.</summary>
    private static async Task<Results<Ok<BoardIncident>, NotFound>> IncidentAsync(
        string id, HttpContext context, IGrainFactory grains, IOptions<DetectionOptions> detection)
    {
        if (await grains.FindIncidentAsync(id) is not (var summary, var state))
        {
            return TypedResults.NotFound();
        }
        if (state.Id != id)
        {
            // A closed wave: the key's grain holds a newer one; show the wave as the board last saw it.
            state = Closed(state, summary);
        }
        var caller = Caller.From(context.User);
        var can = new BoardPermissions(Act: caller.Has(Role.Operator) && state.Id == summary.Id && !state.IsClosed, SeeCustomers: caller.Has(Role.Operator), Reveal: caller.Has(Role.Admin));
        var current = state.Volume?.At(state.LastSeen ?? DateTimeOffset.UtcNow, detection.Value);
        var audit = caller.Has(Role.Admin) ? await AuditOfAsync(grains, id) : null;
        return TypedResults.Ok(BoardIncidentBuilder.Build(state, current, audit, can));
    }

    // Only the summary of a closed earlier wave is kept; its page shows that much.
    private static IncidentState Closed(IncidentState current, IncidentSummary wave) => new()
    {
        Key = current.Key,
        Id = wave.Id,
        Wave = wave.Wave,
        Tier = wave.Tier,
        Phase = wave.Phase,
        FirstSeen = wave.FirstSeen,
        LastSeen = wave.LastSeen,
        ResponseDue = wave.ResponseDue,
        ClosedAt = wave.ClosedAt ?? wave.LastSeen,
        Complaints = wave.Complaints,
        Contacts = wave.Contacts,
        ParticipantCount = wave.Participants,
        Templated = wave.Templated,
    };

    private static async Task<List<AuditRecord>> AuditOfAsync(IGrainFactory grains, string incidentId)
    {
        var target = $"incident {incidentId}";
        var found = new List<AuditRecord>();
        long? before = null;
        for (var scanned = 0; scanned < AuditScan;)
        {
            var page = await grains.GetAuditLog().ListAsync(1000, before);
            found.AddRange(page.Entries.Where(r => r.Target == target || r.Target.StartsWith(target + " ", StringComparison.Ordinal)));
            scanned += page.Entries.Count;
            if (page.NextBefore is not { } next)
            {
                break;
            }
            before = next;
        }
        return found;
    }

    private static void Harden(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }
}
