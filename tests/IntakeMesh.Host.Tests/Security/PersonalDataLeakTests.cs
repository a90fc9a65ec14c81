using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Intake;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// Issue 9, personal data: a group complaint whose customers have distinctive phone numbers and
/// emails, written in the identifier fields, the Kafka keys and the complaint texts in every common
/// spelling, goes through the real host. Then every log entry (Trace and up), the metrics page,
/// every span, every webhook payload and every GET endpoint's answer for every role is searched for
/// each number and address in each of its forms: none may appear. Only the admin's reveal opens them.
/// </summary>
[Collection(PersonalDataCollection.Name)]
public partial class PersonalDataLeakTests(PersonalDataFixture host)
{
    private static readonly JsonSerializerOptions RawJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A complainant: identifiers as the channel system wrote them, and how the text spells the phone.</summary>
    private sealed record Person(Channel Channel, string? Phone, string? Email, string? Handle, string PhoneInText);

    // Distinctive numbers and addresses, so that a hit is a leak and not a coincidence.
    private static readonly Person[] People =
    [
        new(Channel.Social, "+86 139 4718 2603", null, "weibo:@ax9_rider_lin", "+86 139 4718 2603"),
        new(Channel.Phone, "+86 137 5520 9146", "wang.fang.1988@mail-example.cn", null, "13755209146"),
        new(Channel.Email, null, "Zhao.Lei+Bike@Example-Mail.COM", null, "135-0281-7734"),
        new(Channel.Phone, "+8618660934418", null, null, "(+86)186 6093 4418"),
        new(Channel.Email, "0086 150 3377 2095", "chen.jing.2026@example-mail.net", null, "+86-150-3377-2095"),
        new(Channel.Social, "+86 177 4102 6689", null, "weibo:@lin_xiaomei_77", "电话：17741026689。"),
        new(Channel.Phone, "+1 415 555 0134", null, null, "+1 (415) 555-0134"),
        new(Channel.Email, null, "sun.hao.complaints@example-mail.org", null, "１３６２２８１５５０７"),
        new(Channel.Phone, "+86 158 6612 7430", "liu.yang.bj@example-mail.cn", null, "158 6612 7430"),
        new(Channel.Social, "+86 189 3071 5526", null, "douyin:@yang_zhen_ride", "+8618930715526"),
        new(Channel.Email, null, "HE.MIN.1990@EXAMPLE-MAIL.COM", null, "+86 131 2260 8841"),
        new(Channel.Regulator, "+86 152 9930 4471", "gao.rui.12315@example-mail.cn", null, "15299304471"),
    ];

    [Fact]
    public async Task GroupComplaint_RawPhonesAndEmails_AppearInNoLogMetricSpanAlertOrApiAnswer()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var incidentKey = $"brand:aurora|sku:ax9-leak-{run}";

        // Arrange: the wave, plus a bad record whose refusal quotes a phone number.
        var bootstrap = (await host.Admin.GetFromJsonAsync<JsonElement>("/api/system")).GetProperty("kafka").GetProperty("bootstrapServers").GetString()!;
        using (var producer = new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            for (var i = 0; i < People.Length; i++)
            {
                var person = People[i];
                await producer.ProduceAsync(IntakeTopics.For(person.Channel), new Message<string?, string>
                {
                    Key = person.Phone ?? person.Email ?? person.Handle,
                    Value = Event(person, i, run),
                });
            }
            await producer.ProduceAsync(IntakeTopics.Phone, new Message<string?, string>
            {
                Key = People[0].Phone,
                Value = $$"""{"eventId":"bad-{{run}}","occurredAt":"call {{People[0].Phone}}","customer":{"phone":"{{People[0].Phone}}"},"text":"x"}""",
            });
        }

        // Act: the wave reaches its incident and the alerts go out.
        var incidents = await Eventually.GetAsync(
            () => host.Operator.GetFromJsonAsync<JsonElement[]>("/api/incidents"),
            list => list!.Any(i => i.GetProperty("key").GetString() == incidentKey && i.GetProperty("participants").GetInt32() == People.Length
                && i.GetProperty("tier").GetString() == "T4"),
            TimeSpan.FromSeconds(60), "every complaint reaching the incident at T4");
        await Eventually.GetAsync(
            () => Task.FromResult<int?>(host.Webhook.Received.Count),
            count => count >= 3, TimeSpan.FromSeconds(30), "the incident's alerts at the webhook");
        var customerKeys = People.Select(CustomerKey).ToList();

        // The admin's reveal does open them (which also proves the needles below are spelled right).
        var revealed = await host.Admin.PostAsJsonAsync($"/api/customers/{customerKeys[1]}/reveal", new { reason = "leak test: the reveal must open the sealed contacts" });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var values = (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("value").GetString()).ToList();
        Assert.Equal(["+8613755209146", "wang.fang.1988@mail-example.cn"], values);
        // Operators see the same contacts masked.
        var masked = await host.Operator.GetFromJsonAsync<JsonElement>($"/api/customers/{customerKeys[1]}");
        Assert.Equal(["+86 137****9146", "w***@mail-example.cn"], masked.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("masked").GetString()));

        // Everything that left the host, apart from the reveal's own answer.
        await Task.Delay(500);
        var places = new List<(string Where, string Text)>();
        places.AddRange(host.Logs.Entries.Select(e => ("log", e)));
        places.Add(("/metrics", await host.Admin.GetStringAsync("/metrics")));
        places.AddRange(host.Spans.Select(s => ("span", s)));
        places.AddRange(host.Webhook.Received.Select(r => ("webhook " + r.Type, Searchable(r.Body))));
        var ids = incidents.Select(i => i.GetProperty("id").GetString()!).ToList();
        foreach (var (client, role) in new[] { (host.Viewer, "viewer"), (host.Operator, "operator"), (host.Admin, "admin") })
        {
            var complaintIds = Enumerable.Range(0, People.Length).Select(i => $"leak-{run}-{i}").ToList();
            foreach (var path in GetPaths(ids, customerKeys, complaintIds))
            {
                places.Add(($"GET {path} as {role}", await ReadAsync(client, path)));
            }
        }

        // Assert: no number and no address, in any spelling, anywhere.
        var needles = People.SelectMany(Needles).Distinct().ToList();
        var leaks = new List<string>();
        foreach (var (where, text) in places)
        {
            var digits = Digits(text);
            foreach (var needle in needles)
            {
                var haystack = needle.Digits ? digits : text;
                var at = haystack.IndexOf(needle.Text, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    leaks.Add($"{where}: '{needle.Text}' in …{haystack[Math.Max(0, at - 120)..Math.Min(haystack.Length, at + needle.Text.Length + 60)]}…");
                }
            }
        }
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s):\n{string.Join("\n", leaks.Distinct().Take(25))}");

        // And the search did look at real material: Trace and Debug logs, the batch spans, the alerts.
        Assert.True(host.Logs.PerLevel.GetValueOrDefault(Microsoft.Extensions.Logging.LogLevel.Trace) + host.Logs.PerLevel.GetValueOrDefault(Microsoft.Extensions.Logging.LogLevel.Debug) > 100);
        Assert.Contains(host.Spans, s => s.Contains("intake process", StringComparison.Ordinal));
        Assert.Contains(places, p => p.Where.StartsWith("webhook", StringComparison.Ordinal));
        Assert.Contains(places, p => p.Where.StartsWith("GET /api/customers/", StringComparison.Ordinal) && p.Text.Contains("+86 139****2603", StringComparison.Ordinal));
        // Explanations were read for real, with their masked identifiers.
        Assert.Contains(places, p => p.Where.StartsWith("GET /api/complaints/", StringComparison.Ordinal) && p.Text.Contains("****", StringComparison.Ordinal));
        // The same search does find what may be there: pseudonymous keys in the answers, the incident in the alerts.
        Assert.Contains(places, p => p.Where.StartsWith("GET /api/incidents/", StringComparison.Ordinal) && p.Text.Contains(customerKeys[3], StringComparison.Ordinal));
        Assert.Contains(places, p => p.Where.StartsWith("webhook", StringComparison.Ordinal) && p.Text.Contains(incidentKey, StringComparison.Ordinal));
    }

    private static string Event(Person person, int i, string run)
    {
        var customer = new Dictionary<string, string>();
        if (person.Phone is not null) customer["phone"] = person.Phone;
        if (person.Email is not null) customer["email"] = person.Email;
        if (person.Handle is not null) customer["handle"] = person.Handle;
        var email = person.Email ?? "";
        var text = $"AX9电池第二次坏了，退款！请打我电话 {person.PhoneInText} 或写信到 {email.ToUpperInvariant()} / {email}，不解决就找媒体曝光。My number is {person.PhoneInText}.";
        var record = new Dictionary<string, object?>
        {
            ["eventId"] = $"leak-{run}-{i}",
            ["occurredAt"] = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8)).AddMinutes(10 * i),
            ["customer"] = customer,
            ["text"] = text,
            ["subject"] = new { brand = "Aurora", sku = $"AX9-LEAK-{run}" },
        };
        switch (person.Channel)
        {
            case Channel.Social:
                record["social"] = new { platform = "weibo", postId = $"wb-{run}-{i}", followers = 150_000 };
                break;
            case Channel.Regulator:
                record["regulator"] = new { body = "12315", caseRef = $"12315-{run}-{i}" };
                break;
            case Channel.Email:
                record["email"] = new { messageId = $"<m-{run}-{i}@example.org>", subjectLine = "AX9 battery" };
                break;
        }
        return JsonSerializer.Serialize(record, RawJson);
    }

    private static string CustomerKey(Person person) =>
        new CustomerKeyer(Encoding.UTF8.GetBytes(PersonalDataFixture.HmacKey))
            .Identify(new CustomerIdentifiers(null, person.Phone, person.Email, person.Handle), "weibo").CustomerKey;

    /// <summary>What a phone number or an address looks like wherever it might turn up.</summary>
    private static IEnumerable<(string Text, bool Digits)> Needles(Person person)
    {
        foreach (var phone in new[] { person.Phone, person.PhoneInText }.OfType<string>())
        {
            var e164 = IdentifierNormalizer.Phone(phone, "86")!;
            var digits = e164[1..];
            var national = digits.StartsWith('1') ? digits[1..] : digits[2..];
            // Any spelling of the number, once separators between digits are dropped: 13755209146, 8613755209146.
            yield return (national, true);
            yield return (phone, false);
            yield return (e164, false);
            foreach (var grouped in Grouped(national))
            {
                yield return (grouped, false);
            }
        }
        if (person.Email is { } email)
        {
            yield return (email, false);
            yield return (email[..email.IndexOf('@')], false);
        }
    }

    /// <summary>The national number in its usual groupings: 137 5520 9146, 137-5520-9146, 415 555 0134…</summary>
    private static IEnumerable<string> Grouped(string national)
    {
        var groups = national.Length == 11 ? new[] { 3, 4, 4 } : national.Length == 10 ? [3, 3, 4] : [national.Length];
        var parts = new List<string>();
        var at = 0;
        foreach (var size in groups)
        {
            parts.Add(national.Substring(at, size));
            at += size;
        }
        return [string.Join(' ', parts), string.Join('-', parts), string.Join('.', parts)];
    }

    /// <summary>The text with full-width digits narrowed and separators between digits removed.</summary>
    private static string Digits(string text)
    {
        var narrowed = string.Concat(text.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c));
        return SeparatorBetweenDigits().Replace(narrowed, "");
    }

    [GeneratedRegex(@"(?<=\d)[\s\-.()/\\]+(?=\d)")]
    private static partial Regex SeparatorBetweenDigits();

    /// <summary>The raw JSON and every string in it unescaped (a "+" may travel as \u002B).</summary>
    private static string Searchable(JsonElement json)
    {
        var text = new StringBuilder(json.GetRawText());
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        text.Append('\n').Append(property.Name);
                        Walk(property.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }
                    break;
                case JsonValueKind.String:
                    text.Append('\n').Append(element.GetString());
                    break;
            }
        }
        Walk(json);
        return text.ToString();
    }

    /// <summary>Every GET route of the host, with each incident id and customer key put in its parameters.</summary>
    private IEnumerable<string> GetPaths(IReadOnlyList<string> incidentIds, IReadOnlyList<string> customerKeys, IReadOnlyList<string> complaintIds)
    {
        var routes = ((IEndpointRouteBuilder)host.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct();
        foreach (var route in routes)
        {
            var parameters = RouteParameter().Matches(route).Select(m => m.Value).ToList();
            if (parameters.Count == 0)
            {
                yield return route;
            }
            else if (parameters is ["{id}"])
            {
                // Complaint routes take the scenario's event ids (explain), the others incident ids.
                foreach (var id in route.StartsWith("/api/complaints/", StringComparison.Ordinal) ? complaintIds : incidentIds)
                {
                    yield return route.Replace("{id}", id);
                }
            }
            else if (parameters is ["{key}"])
            {
                foreach (var key in customerKeys)
                {
                    yield return route.Replace("{key}", Uri.EscapeDataString(key));
                }
            }
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>The answer's body as searchable text; a stream is read for a moment.</summary>
    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var text = new StringBuilder();
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            var buffer = new char[8192];
            int read;
            while ((read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            // A server-sent event stream never ends; what came so far is what it sends.
        }
        var body = text.ToString();
        try
        {
            using var json = JsonDocument.Parse(body);
            return Searchable(json.RootElement);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
