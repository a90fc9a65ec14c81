using System.Text;
using IntakeMesh.Cli.Input;
using IntakeMesh.Cli.Scenarios;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Bench;

/// <summary>One record the benchmark sends, ready for the producer.</summary>
public sealed record BenchRecord(string Topic, byte[]? Key, byte[] Value, BenchRecordKind Kind);

public enum BenchRecordKind
{
    Complaint,
    Redelivery,
    Malformed,
}

/// <summary>
/// A synthetic but realistic intake stream: many customers on four channels, most complaints
/// about a long tail of products, a few hot subjects forming waves, about 1% of records sent
/// twice (Kafka redelivery) and 0.1% malformed. Deterministic for a seed, so runs compare.
/// </summary>
public sealed class BenchWorkload
{
    private static readonly string[] Brands = ["Aurora", "Nimbus", "Kestrel", "Lumen", "Harbor", "Vela", "Qinghe", "Tianyu"];

    private static readonly string[] Products = ["e-bike", "phone", "router", "washer", "broadband plan", "credit card", "flight", "SUV", "air fryer", "savings account"];

    private static readonly string[] Texts =
    [
        "电池才用两个月就充不进电了，售后一直推脱，要求更换。",
        "The {0} stopped working after three weeks. I want a refund.",
        "客服电话一直打不通，问题拖了一个月还没解决，非常失望。",
        "I was charged twice for the {0} and nobody answers my emails.",
        "{0}的发动机异响，4S店说正常，我要求检测并给个说法。",
        "Delivery of my {0} is two weeks late and the tracking has not moved.",
        "质量太差了，第三次维修还是一样的问题，要求退货赔偿。",
        "Your agent promised a call back about the {0} and never called. Third time I write.",
        "扣费不明，账单多了一笔费用，要求退还并解释。",
        "The {0} overheats and smells of burning. This is dangerous, fix it now!",
        "已经向12315投诉了，如果再不处理我就找媒体曝光。",
        "Cancelled flight, no rebooking offered, stuck at the airport with two kids.",
    ];

    private static readonly Channel[] ChannelMix =
    [
        Channel.Social, Channel.Social, Channel.Social, Channel.Social,
        Channel.Phone, Channel.Phone, Channel.Phone,
        Channel.Email, Channel.Email, Channel.Email,
        Channel.Social, Channel.Phone, Channel.Email, Channel.Social, Channel.Phone, Channel.Email,
        Channel.Social, Channel.Phone, Channel.Email, Channel.Regulator,
    ];

    private readonly Random _random;
    private readonly int _customers;
    private readonly DateTimeOffset _start;
    private readonly List<BenchRecord> _sent = [];
    private int _next;

    public BenchWorkload(int expectedEvents, int seed, DateTimeOffset start)
    {
        _random = new Random(seed);
        // Roughly four complaints per customer over the run, so repeat contacts happen but most are new.
        _customers = Math.Max(500, expectedEvents / 4);
        _start = start;
    }

    /// <summary>The next <paramref name="count"/> records, at event times spread from the start (or from <paramref name="from"/>).</summary>
    public List<BenchRecord> Take(int count, TimeSpan spread, DateTimeOffset? from = null)
    {
        var first = from ?? _start;
        var records = new List<BenchRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(1000);
            if (roll == 0)
            {
                records.Add(Malformed());
            }
            else if (roll <= 10 && _sent.Count > 0)
            {
                var earlier = _sent[_random.Next(_sent.Count)];
                records.Add(earlier with { Kind = BenchRecordKind.Redelivery });
            }
            else
            {
                var at = first + spread * ((double)i / Math.Max(1, count));
                var record = Complaint(at);
                records.Add(record);
                // Remember a bounded sample to redeliver from.
                if (_sent.Count < 10_000)
                {
                    _sent.Add(record);
                }
                else
                {
                    _sent[_random.Next(_sent.Count)] = record;
                }
            }
        }
        return records;
    }

    private BenchRecord Complaint(DateTimeOffset at)
    {
        var n = _next++;
        var channel = ChannelMix[_random.Next(ChannelMix.Length)];
        var customer = _random.Next(_customers);
        var (subject, product) = Subject();
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts[_random.Next(Texts.Length)], product);
        var fields = channel switch
        {
            Channel.Phone => new CustomerFields(Phone: $"+8613{customer:000000000}"),
            Channel.Email => new CustomerFields(Email: $"customer{customer}@example.com"),
            Channel.Social => new CustomerFields(Handle: $"weibo:@user{customer}"),
            _ => new CustomerFields(Id: $"CRM-{customer}", Phone: $"+8613{customer:000000000}"),
        };
        var scenarioEvent = new ScenarioEvent($"bench-{n}", at, fields, text, subject)
        {
            Phone = channel == Channel.Phone ? new PhoneFields($"call-{n}", $"agent-{n % 40}", 60 + n % 600) : null,
            Email = channel == Channel.Email ? new EmailFields($"<m-{n}@example.com>", $"th-{n}", "Complaint") : null,
            Social = channel == Channel.Social ? new SocialFields("weibo", $"wb-{n}", _random.Next(50, 5000), null, null) : null,
            Regulator = channel == Channel.Regulator ? new RegulatorFields("12315", $"12315-{n}", at.AddDays(7)) : null,
        };
        var value = scenarioEvent.ToJson();
        return new BenchRecord(IntakeTopics.For(channel), RecordKeys.For(channel, value), value, BenchRecordKind.Complaint);
    }

    /// <summary>A third of complaints are about five hot products (the waves); the rest spread over a long tail.</summary>
    private (SubjectFields? Subject, string Product) Subject()
    {
        var roll = _random.Next(100);
        if (roll < 30)
        {
            var hot = _random.Next(5);
            return (new SubjectFields(Brands[hot], Products[hot], $"HOT-{hot}", $"B2026-{hot}"), Products[hot]);
        }
        var brand = Brands[_random.Next(Brands.Length)];
        var product = Products[_random.Next(Products.Length)];
        if (roll < 85)
        {
            return (new SubjectFields(brand, product, $"SKU-{_random.Next(400)}", null), product);
        }
        // No subject at all: the incident key comes from the text.
        return (null, product);
    }

    private BenchRecord Malformed()
    {
        var channel = ChannelMix[_random.Next(ChannelMix.Length)];
        var value = (_random.Next(3)) switch
        {
            0 => Encoding.UTF8.GetBytes("{\"eventId\": \"broken\", \"occurredAt\": "),
            1 => Encoding.UTF8.GetBytes("{\"eventId\":\"x\",\"occurredAt\":\"yesterday\",\"customer\":{},\"text\":\"\"}"),
            _ => [0xff, 0xfe, 0x00, 0x41],
        };
        return new BenchRecord(IntakeTopics.For(channel), null, value, BenchRecordKind.Malformed);
    }
}
