using IntakeMesh.Cli.Input;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Scenarios;

/// <summary>
/// A group complaint as domain.md §4 tells it: one owner posts about a failing e-bike battery on
/// social media, two more call and write within hours, then a wave of owners on every channel,
/// and a 12315 regulator case. One record is sent twice, as Kafka redelivery would.
/// Expected end: Mass phase, tier T4 (mass with a regulator case), 15 participants.
/// </summary>
public static class GroupComplaintScenario
{
    public const string Name = "group-complaint";
    public const int Participants = 15;

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] WaveTexts =
    [
        "AX-7电池又坏了，充一晚上只有20%的电，上班都没法骑，要求更换电池。",
        "Battery on my AX-7 died after seven weeks. Dealer says wait a month for parts. I want a replacement now.",
        "极光AX-7电池鼓包充不进电，和网上说的一模一样，这是批量质量问题，必须给个说法。",
        "Called about the AX-7 battery: customer says it drops from 80% to zero in ten minutes. Requests refund.",
        "同一批次B2026-10的电池都有问题吧？我的也是突然断电，请退款。",
        "My AX-7 battery stopped charging. Same batch as everyone online. Please fix this.",
        "电池才用两个月就不行了，客服电话一直打不通，非常失望。",
        "AX-7 e-bike battery won't hold charge, second time this month. Expect a new battery and an explanation.",
        "买了AX-7两个月，电池续航从60公里掉到5公里，要求换新。",
        "The AX-7 battery issue is real: mine failed on the way to work today. Replace it please.",
    ];

    public static IReadOnlyList<EventLine> Build()
    {
        var events = new List<EventLine>();
        var subject = new SubjectFields("Aurora", "AX-7 e-bike", "AX7-BAT-48V", "B2026-10");

        events.Add(Line(Channel.Social, new ScenarioEvent("so-ax7-0001", Start,
            new CustomerFields(Handle: "weibo:@xiaolin_rides"),
            "买的极光AX-7电动车，电池才用了两个月就充不进电了，售后一直推脱。有同样问题的朋友吗？#AX7电池#", subject)
        {
            Social = new SocialFields("weibo", "wb-881200", 8600, null, null),
        }));
        events.Add(Line(Channel.Phone, new ScenarioEvent("ph-ax7-0002", Start.AddHours(2),
            new CustomerFields(Phone: "+86 138 0000 0102"),
            "Caller says her AX-7 battery stopped charging after six weeks, saw others online with the same problem. Wants a replacement.", subject)
        {
            Phone = new PhoneFields("call-55102", "agent-17", 312),
        }));
        events.Add(Line(Channel.Email, new ScenarioEvent("em-ax7-0003", Start.AddHours(3.5),
            new CustomerFields(Email: "Wang.Lei@example.com"),
            "My AX-7 battery from batch B2026-10 won't hold a charge any more. Please replace it.", subject)
        {
            Email = new EmailFields("<m-0003@example.com>", "th-0003", "AX-7 battery failure"),
        }));

        Channel[] channels = [Channel.Phone, Channel.Email, Channel.Social];
        for (var i = 0; i < 11; i++)
        {
            var channel = channels[i % channels.Length];
            var at = Start.AddHours(5 + i * 1.25);
            var n = 10 + i;
            var customer = channel switch
            {
                Channel.Phone => new CustomerFields(Phone: $"+8613800001{n:00}"),
                Channel.Email => new CustomerFields(Email: $"owner{n}@example.com"),
                _ => new CustomerFields(Handle: $"weibo:@ax7_owner_{n}"),
            };
            var scenarioEvent = new ScenarioEvent($"wave-ax7-{n:0000}", at, customer, WaveTexts[i % WaveTexts.Length], subject)
            {
                Social = channel == Channel.Social ? new SocialFields("weibo", $"wb-9{n}", 150 + n * 7, "wb-881200", null) : null,
            };
            events.Add(Line(channel, scenarioEvent));
        }

        events.Add(Line(Channel.Regulator, new ScenarioEvent("rg-12315-118832", Start.AddHours(20),
            new CustomerFields(Id: "CRM-77120", Phone: "+8613900007712"),
            "消费者反映：购买的极光AX-7电动自行车电池批量故障，商家拒绝退换，请求12315调解。", subject)
        {
            Regulator = new RegulatorFields("12315", "12315-2026-118832", Start.AddDays(7)),
        }));

        // Kafka redelivers: the second caller's record arrives again.
        events.Add(events[1]);
        return [.. events.Select((line, index) => line with { LineNumber = index + 1 })];
    }

    private static EventLine Line(Channel channel, ScenarioEvent scenarioEvent) =>
        new(0, channel, scenarioEvent.ToJson());
}
