using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace IntakeMesh.Alerts.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port that records every request and answers with
/// the statuses a test scripted per path (200 when none is left). A path can be held: its next
/// request gets no answer until the test releases it, to provoke a client timeout.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripted = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();
    private readonly ConcurrentBag<TaskCompletionSource> _gates = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private WebhookReceiver(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The status recorded for a held request: it got no answer while the client waited.</summary>
    public const int Unanswered = 0;

    public int Port { get; }

    public static WebhookReceiver Start()
    {
        // HttpListener cannot take port 0: ask the OS for a free port, then bind it (retry on a race).
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new WebhookReceiver(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    /// <summary>The next requests to <paramref name="path"/> get these statuses, in order.</summary>
    public void Respond(string path, params int[] statuses)
    {
        var queue = _scripted.GetOrAdd(Normalize(path), _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>The next request to <paramref name="path"/> waits for the returned release.</summary>
    public Action Hold(string path)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held[Normalize(path)] = gate;
        _gates.Add(gate);
        return () => gate.TrySetResult();
    }

    /// <summary>The next request, in arrival order; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedRequest> NextAsync(TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            return await _received.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no webhook request arrived within {(timeout ?? TimeSpan.FromSeconds(20)).TotalSeconds} s");
        }
    }

    /// <summary>Requests until (and with) the first one to <paramref name="path"/>.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> UntilAsync(string path, TimeSpan? timeout = null)
    {
        var seen = new List<ReceivedRequest>();
        while (true)
        {
            var next = await NextAsync(timeout);
            seen.Add(next);
            if (next.Path == Normalize(path))
            {
                return seen;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var gate in _gates)
        {
            gate.TrySetResult();
        }
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = Normalize(context.Request.Url?.AbsolutePath ?? "/");
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.OfType<string>()
            .ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var held = _held.TryRemove(path, out var gate);
        var status = held ? Unanswered
            : _scripted.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted) ? scripted : 200;
        _received.Writer.TryWrite(new ReceivedRequest(context.Request.HttpMethod, path, headers, body.ToArray(), status));
        if (held)
        {
            await gate!.Task;
            status = 200;
        }
        try
        {
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up on a held request: nothing to answer.
        }
    }

    private static string Normalize(string path) => "/" + path.TrimStart('/');
}
