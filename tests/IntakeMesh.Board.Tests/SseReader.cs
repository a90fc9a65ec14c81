using System.Text;
using System.Text.Json;

namespace IntakeMesh.Board.Tests;

/// <summary>Reads a server-sent event stream over HTTP, event by event, as the page's fetch() reader does.</summary>
public sealed class SseReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly StringBuilder _data = new();
    private Task<string?>? _pendingLine;
    private string? _eventName;

    private SseReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream, Encoding.UTF8);
    }

    public static async Task<SseReader> OpenAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    public async Task<JsonElement> NextAsync(string name, TimeSpan timeout) =>
        await TryNextAsync(name, timeout) ?? throw new TimeoutException($"no '{name}' event within {timeout}");

    /// <summary>The next event of that name within the time, or null; other events are skipped.</summary>
    public async Task<JsonElement?> TryNextAsync(string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            _pendingLine ??= _reader.ReadLineAsync();
            var finished = await Task.WhenAny(_pendingLine, Task.Delay(deadline - DateTime.UtcNow));
            if (finished != _pendingLine)
            {
                return null;
            }
            var line = await _pendingLine;
            _pendingLine = null;
            if (line is null)
            {
                throw new EndOfStreamException("the event stream ended");
            }
            if (line.Length == 0)
            {
                var complete = _eventName == name && _data.Length > 0 ? JsonDocument.Parse(_data.ToString()).RootElement.Clone() : (JsonElement?)null;
                _eventName = null;
                _data.Clear();
                if (complete is not null)
                {
                    return complete;
                }
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                _eventName = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                _data.Append(line[5..].TrimStart());
            }
        }
        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
