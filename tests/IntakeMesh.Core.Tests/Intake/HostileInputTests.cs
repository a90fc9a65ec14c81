using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Intake;

/// <summary>
/// Fuzzing the parser, the reader and the classifier with seeded random and hand-made hostile
/// input: random bytes, mutated records, wrong types everywhere, deep nesting, 10 MB strings,
/// invalid UTF-8, control characters and lone surrogates. Whatever comes in, nothing throws; a bad
/// record gets a reason and a field; a valid but odd one is read. Fixed seeds keep every run the same.
/// </summary>
public partial class HostileInputTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private static readonly IntakeLimits Limits = new();

    // The largest limits configuration allows, so that 10 MB strings reach the field checks.
    private static readonly IntakeLimits Huge = new() { MaxRecordBytes = 64 * 1024 * 1024, MaxTextBytes = 16 * 1024 * 1024 };

    private static readonly IdentifierVault Vault = IdentifierVault.WithRandomKey();
    private static readonly ComplaintClassifier Classifier = new(Lexicon.Default);

    private static readonly IntakeReader Reader = Create(Limits);

    private const string Valid = """
        {"eventId":"ph-0001","occurredAt":"2026-11-22T09:15:00+08:00",
         "customer":{"id":"CRM-1029","phone":"+8613800000000","email":"li@example.com","handle":"weibo:@lihua"},
         "text":"客户来电：AX-7电池又坏了，要求更换，并说要打12315。My battery died, refund me $500!",
         "subject":{"brand":"Aurora","product":"AX-7 e-bike","sku":"AX7-BAT-48V","batch":"B1","orderId":"SO-1","store":"S1","region":"华东"},
         "phone":{"callId":"call-55102","agentId":"agent-17","durationSeconds":312},
         "email":{"messageId":"<m-1@example.com>","threadId":"th-1","subjectLine":"AX-7 battery failure"},
         "social":{"platform":"weibo","postId":"wb-881200","followers":120000,"replyTo":"wb-1","repostOf":"wb-2","url":"https://weibo.example/wb-881200"},
         "regulator":{"body":"12315","caseRef":"12315-2026-118832","dueAt":"2026-11-29T00:00:00+08:00"}}
        """;

    private static IntakeReader Create(IntakeLimits limits) =>
        new(limits, new CustomerKeyer("hostile-input-test-secret"u8, "86"), Classifier, ProductCatalog.Empty, Vault);

    /// <summary>Reads through everything a consumer runs; either a fact or a well-formed refusal.</summary>
    private static IntakeOutcome Read(byte[] bytes, IntakeReader? reader = null)
    {
        var outcome = (reader ?? Reader).Read(Channel.Social, bytes);
        if (outcome.Error is { } error)
        {
            AssertWellFormed(error);
        }
        else
        {
            Assert.NotNull(outcome.Fact);
        }
        return outcome;
    }

    private static void AssertWellFormed(ParseError error)
    {
        Assert.Contains(error.Reason, RejectReason.All);
        // The safety net for defects must never be what catches hostile input.
        Assert.NotEqual(RejectReason.Unreadable, error.Reason);
        Assert.False(string.IsNullOrWhiteSpace(error.Field), error.ToString());
        Assert.False(string.IsNullOrWhiteSpace(error.Message), error.ToString());
    }

    private static ParseError Refused(byte[] bytes, string reason, string field, IntakeReader? reader = null)
    {
        var outcome = Read(bytes, reader);
        var error = outcome.Error ?? throw new Xunit.Sdk.XunitException($"expected {reason} at {field}, but the record was read");
        Assert.Equal((reason, field), (error.Reason, error.Field));
        return error;
    }

    private static ComplaintFact Accepted(byte[] bytes, IntakeReader? reader = null)
    {
        var outcome = Read(bytes, reader);
        return outcome.Fact ?? throw new Xunit.Sdk.XunitException($"expected a valid event, got {outcome.Error}");
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);

    private static string Event(string text = "电池坏了", string eventId = "e-1", string extra = "") =>
        $$"""{"eventId":"{{eventId}}","occurredAt":"2026-11-22T09:15:00+08:00","customer":{"phone":"+8613800000000"},"text":"{{text}}"{{extra}}}""";

    [Fact]
    public void RandomBytes_AreRefusedWithAReason()
    {
        var random = new Random(1);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);

            Assert.NotNull(Read(bytes).Error);
        }
    }

    [Fact]
    public void RandomJsonShapedText_NeverThrows()
    {
        // Tokens of the format, so that the parser gets deep into objects before it finds the fault.
        string[] tokens =
        [
            "{", "}", "[", "]", ":", ",", "\"", "\"eventId\"", "\"occurredAt\"", "\"customer\"", "\"text\"", "\"phone\"",
            "\"subject\"", "\"social\"", "\"followers\"", "\"regulator\"", "\"dueAt\"", "\"2026-11-22T09:15:00Z\"", "\"x\"",
            "1", "-0", "1e999", "12345678901234567890", "true", "null", " ", "\\", "\\u0000", "\\ud800", "电", "😡", "\u0000",
        ];
        var random = new Random(2);
        for (var i = 0; i < 4000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 60); n > 0; n--)
            {
                text.Append(tokens[random.Next(tokens.Length)]);
            }

            Read(Utf8(text.ToString()));
        }
    }

    [Fact]
    public void MutatedValidRecords_NeverThrow_AndStillValidOnesAreRead()
    {
        var random = new Random(3);
        var original = Utf8(Valid);
        var read = 0;
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new List<byte>(original);
            for (var m = random.Next(1, 6); m > 0 && bytes.Count > 0; m--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(6))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at)); break;
                    case 2: bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(256))); break;
                    case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 32), bytes.Count - at))); break;
                    case 4: bytes.InsertRange(at, Utf8(new[] { "{", "[", "\"", "\\", ",", "null", "1", "\\u0000", "\\udfff" }[random.Next(9)])); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
            }

            read += Read([.. bytes]).Fact is null ? 0 : 1;
        }
        // Byte flips inside the text or an unknown field leave the event valid: some must survive.
        Assert.InRange(read, 1, 4999);
    }

    public static TheoryData<string, string> StringFields() => new()
    {
        { "eventId", "" }, { "customer", "id" }, { "customer", "phone" }, { "customer", "email" }, { "customer", "handle" },
        { "subject", "brand" }, { "subject", "product" }, { "subject", "sku" }, { "subject", "batch" }, { "subject", "orderId" },
        { "subject", "store" }, { "subject", "region" }, { "phone", "callId" }, { "phone", "agentId" }, { "email", "messageId" },
        { "email", "threadId" }, { "email", "subjectLine" }, { "social", "platform" }, { "social", "postId" },
        { "social", "replyTo" }, { "social", "repostOf" }, { "social", "url" }, { "regulator", "body" }, { "regulator", "caseRef" },
    };

    [Theory]
    [MemberData(nameof(StringFields))]
    public void StringField_HoldingANumberBoolArrayOrObject_IsWrongTypeAtThatField(string block, string name)
    {
        var path = name.Length == 0 ? block : $"{block}.{name}";
        foreach (var value in new[] { "13800000000", "-1.5e3", "true", "false", "[]", "[\"a\"]", "{}", "{\"a\":1}" })
        {
            Refused(WithField(block, name, value), RejectReason.WrongType, path);
        }
    }

    [Theory]
    [MemberData(nameof(StringFields))]
    public void StringField_WithControlCharacterOrLoneSurrogate_IsInvalidValueAtThatField(string block, string name)
    {
        var path = name.Length == 0 ? block : $"{block}.{name}";
        foreach (var value in new[] { "\"a\\u0000b\"", "\"line\\nbreak\"", "\"\\u007f\"", "\"\\u0085\"", "\"x\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ud83d\"" })
        {
            Refused(WithField(block, name, value), RejectReason.InvalidValue, path);
        }
        // A paired surrogate (an emoji) and plain Unicode are fine.
        Accepted(WithField(block, name, "\"a\\ud83d\\ude00b李\""));
    }

    [Theory]
    [MemberData(nameof(StringFields))]
    public void StringField_LongerThanTheFieldLimit_IsOversizedAtThatField(string block, string name)
    {
        var path = name.Length == 0 ? block : $"{block}.{name}";
        var atLimit = "1" + new string('a', Limits.MaxFieldBytes - 1);

        Accepted(WithField(block, name, $"\"{atLimit}\""));
        Refused(WithField(block, name, $"\"{atLimit}b\""), RejectReason.Oversized, path);
        // Escapes count as what they decode to: 200 escaped "é" are 400 bytes, 600 are 1,200.
        Accepted(WithField(block, name, $"\"1{string.Concat(Enumerable.Repeat("\\u00e9", 200))}\""));
        Refused(WithField(block, name, $"\"1{string.Concat(Enumerable.Repeat("\\u00e9", 600))}\""), RejectReason.Oversized, path);
    }

    /// <summary>The full valid event with one field's JSON value replaced.</summary>
    private static byte[] WithField(string block, string name, string json)
    {
        using var document = JsonDocument.Parse(Valid);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                if (name.Length == 0 && property.Name == block)
                {
                    writer.WriteRawValue(json, skipInputValidation: true);
                }
                else if (property.Name == block)
                {
                    writer.WriteStartObject();
                    foreach (var inner in property.Value.EnumerateObject())
                    {
                        writer.WritePropertyName(inner.Name);
                        if (inner.Name == name)
                        {
                            writer.WriteRawValue(json, skipInputValidation: true);
                        }
                        else
                        {
                            inner.Value.WriteTo(writer);
                        }
                    }
                    writer.WriteEndObject();
                }
                else
                {
                    property.Value.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    [Theory]
    [InlineData("\"lots\"", RejectReason.WrongType)]
    [InlineData("\"120000\"", RejectReason.WrongType)]
    [InlineData("true", RejectReason.WrongType)]
    [InlineData("[1]", RejectReason.WrongType)]
    [InlineData("{}", RejectReason.WrongType)]
    [InlineData("1.5", RejectReason.InvalidValue)]
    [InlineData("-1", RejectReason.InvalidValue)]
    [InlineData("1e999", RejectReason.InvalidValue)]
    [InlineData("99999999999999999999999999999999", RejectReason.InvalidValue)]
    public void NumberFields_HoldingOtherThanAWholeNumberInRange_AreRefusedAtTheirField(string value, string reason)
    {
        Refused(WithField("social", "followers", value), reason, "social.followers");
        Refused(WithField("phone", "durationSeconds", value), reason, "phone.durationSeconds");
    }

    [Theory]
    [InlineData("13800000000")]
    [InlineData("\"13800000000\"")]
    [InlineData("[]")]
    [InlineData("true")]
    public void ObjectBlocks_HoldingAnythingElse_AreWrongType(string value)
    {
        foreach (var block in new[] { "customer", "subject", "phone", "email", "social", "regulator" })
        {
            Refused(WithField(block, "", value), RejectReason.WrongType, block);
        }
        Refused(WithField("text", "", value == "\"13800000000\"" ? "[]" : value), RejectReason.WrongType, "text");
    }

    [Theory]
    [InlineData("\"0001-01-01T00:00:00Z\"", RejectReason.InvalidValue)]
    [InlineData("\"1969-12-31T23:59:59Z\"", RejectReason.InvalidValue)]
    [InlineData("\"9999-12-31T23:59:59Z\"", RejectReason.InvalidValue)]
    [InlineData("\"2200-01-01T00:00:00Z\"", RejectReason.InvalidValue)]
    [InlineData("\"yesterday\"", RejectReason.InvalidValue)]
    [InlineData("\"2026-13-45T99:00:00Z\"", RejectReason.InvalidValue)]
    [InlineData("\"\"", RejectReason.InvalidValue)]
    [InlineData("1732238100", RejectReason.WrongType)]
    [InlineData("null", RejectReason.WrongType)]
    public void Timestamps_OutsideTheSaneRangeOrNotTimestamps_AreRefused(string value, string reason)
    {
        Refused(WithField("occurredAt", "", value), reason, "occurredAt");
        if (value != "null")
        {
            Refused(WithField("regulator", "dueAt", value), reason, "regulator.dueAt");
        }
    }

    [Theory]
    [InlineData("\"2026-11-22T09:15:00.1234567+14:00\"")]
    [InlineData("\"2026-11-22T09:15:00-12:00\"")]
    [InlineData("\"1970-01-01T00:00:00Z\"")]
    [InlineData("\"2199-12-31T23:59:59Z\"")]
    public void Timestamps_OddButSane_AreRead(string value)
    {
        Accepted(WithField("occurredAt", "", value));
    }

    [Fact]
    public void DeepNesting_IsTooDeepAtTheRoot_AtAnyDepthAndPlace()
    {
        foreach (var depth in new[] { Limits.MaxDepth + 1, 100, 10_000, 100_000 })
        {
            var open = new string('[', depth - 1);
            var close = new string(']', depth - 1);
            Refused(Utf8(Event(extra: $",\"unknown\":{open}{close}")), RejectReason.TooDeep, "$", Create(Huge));
            Refused(Utf8(Event(extra: $",\"subject\":{{\"x\":{open}{close}}}")), RejectReason.TooDeep, "$", Create(Huge));
            Refused(Utf8(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)), RejectReason.TooDeep, "$", Create(Huge));
        }
    }

    [Fact]
    public void Nesting_UpToTheLimit_IsRead_OneMoreIsTooDeep()
    {
        // The root object is the first level.
        var levels = Limits.MaxDepth - 1;
        Accepted(Utf8(Event(extra: $",\"unknown\":{new string('[', levels)}{new string(']', levels)}")));
        Refused(Utf8(Event(extra: $",\"unknown\":{new string('[', levels + 1)}{new string(']', levels + 1)}")), RejectReason.TooDeep, "$");
    }

    [Fact]
    public void TenMegabyteStrings_AreOversized_WhereverTheyAre()
    {
        var ten = new string('a', TenMegabytes);
        var tenEscaped = string.Concat(Enumerable.Repeat("\\u0041", TenMegabytes / 6));
        var tenEmoji = string.Concat(Enumerable.Repeat("😡", TenMegabytes / 4));
        var huge = Create(Huge);

        // Under the default limits the record is too big before anything is parsed.
        Refused(Utf8(Event(text: ten)), RejectReason.Oversized, "$");
        // Under the largest configurable ones, each field's own limit refuses it.
        Refused(Utf8(Event(text: ten + ten)), RejectReason.Oversized, "text", huge);
        Refused(Utf8(Event(eventId: ten)), RejectReason.Oversized, "eventId", huge);
        Refused(Utf8(Event(eventId: tenEscaped)), RejectReason.Oversized, "eventId", huge);
        Refused(Utf8(Event(extra: $",\"subject\":{{\"sku\":\"{tenEmoji}\"}}")), RejectReason.Oversized, "subject.sku", huge);
        Refused(Utf8(Event(extra: $",\"{ten}\":1")), RejectReason.Oversized, "$", Create(new IntakeLimits()));
        // A 10 MB text within a raised text limit, and a 10 MB unknown field, are still events.
        Accepted(Utf8(Event(text: tenEmoji)), huge);
        Accepted(Utf8(Event(extra: $",\"attachment\":\"{ten}\"")), huge);
        Accepted(Utf8(Event(extra: $",\"{ten}\":[1,2,3]")), huge);
    }

    [Fact]
    public void Limits_AreEnforcedExactlyAtTheirBoundaries()
    {
        var limits = new IntakeLimits { MaxRecordBytes = 4096, MaxTextBytes = 100, MaxFieldBytes = 64, MaxDepth = 5 };
        var reader = Create(limits);

        Accepted(Utf8(Event(text: new string('x', 100))), reader);
        Refused(Utf8(Event(text: new string('x', 101))), RejectReason.Oversized, "text", reader);
        Accepted(Utf8(Event(text: new string('退', 33) + "x")), reader);
        Refused(Utf8(Event(text: new string('退', 34))), RejectReason.Oversized, "text", reader);
        var padded = Event(extra: ",\"pad\":\"\"");
        var record = Utf8(Event(extra: $",\"pad\":\"{new string('p', 4096 - Encoding.UTF8.GetByteCount(padded))}\""));
        Assert.Equal(4096, record.Length);
        Accepted(record, reader);
        Refused([.. record, (byte)' '], RejectReason.Oversized, "$", reader);
        Accepted(Utf8(Event(eventId: new string('i', 64))), reader);
        Refused(Utf8(Event(eventId: new string('i', 65))), RejectReason.Oversized, "eventId", reader);
        Accepted(Utf8(Event(extra: ",\"x\":[[[[]]]]")), reader);
        Refused(Utf8(Event(extra: ",\"x\":[[[[[]]]]]")), RejectReason.TooDeep, "$", reader);
    }

    [Fact]
    public void InvalidUtf8_AnywhereInARecord_IsRefusedWithItsOffset()
    {
        byte[][] sequences =
        [
            [0xFF], [0xFE, 0xFF], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82],
            [0xF0, 0x9F, 0x98], [0xC3],
        ];
        var valid = Utf8(Valid);
        var random = new Random(4);
        for (var i = 0; i < 600; i++)
        {
            var sequence = sequences[i % sequences.Length];
            // Insert between whole characters, so the bad bytes are the only fault.
            int at;
            do
            {
                at = random.Next(valid.Length + 1);
            }
            while (at < valid.Length && (valid[at] & 0xC0) == 0x80);
            byte[] bytes = [.. valid[..at], .. sequence, .. valid[at..]];

            var error = Refused(bytes, RejectReason.InvalidUtf8, "$");
            Assert.Contains($"offset {at})", error.Message);
        }
    }

    [Fact]
    public void ControlCharacters_RawInStringsAreNotJson_EscapedInTextAreRead()
    {
        for (var c = 0; c < 0x20; c++)
        {
            var raw = Utf8(Event(text: $"a{(char)c}b"));
            Refused(raw, RejectReason.NotJson, "$");
            Accepted(Utf8(Event(text: $"a\\u{c:x4}b")));
        }
        // Between tokens only JSON's four whitespace characters are allowed.
        Refused(Utf8(Event().Replace(",\"text\"", ",\u000B\"text\"")), RejectReason.NotJson, "$");
        Refused(Utf8(Event().Replace(",\"text\"", ",\u0000\"text\"")), RejectReason.NotJson, "$");
        Accepted(Utf8(Event().Replace(",\"text\"", ", \r\n\t \"text\"")));
        // DEL, C1 controls, bidi overrides and zero-width characters are text like any other.
        Accepted(Utf8(Event(text: "\u007f\u0085\u009f\u202e\u200b\u2028\u2029\ufeff")));
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff")]
    [InlineData("a\\ud800b")]
    [InlineData("\\udc00\\ud800")]
    [InlineData("\\ud83d\\ud83d")]
    [InlineData("x\\ud83d")]
    public void LoneSurrogates_InText_AreRefusedAsInvalidValue(string escaped)
    {
        Refused(Utf8(Event(text: escaped)), RejectReason.InvalidValue, "text");
        Refused(Utf8(Event(extra: $",\"{escaped}\":1")), RejectReason.InvalidValue, "$");
    }

    [Theory]
    [InlineData("""{"phone":"abc"}""", "customer.phone")]
    [InlineData("""{"phone":"+ - ( )"}""", "customer.phone")]
    [InlineData("""{"handle":"@"}""", "customer.handle")]
    [InlineData("""{"handle":"weibo: @ "}""", "customer.handle")]
    [InlineData("""{"phone":"no digits","handle":"@"}""", "customer.phone")]
    public void Customer_WithNoUsableIdentifier_IsInvalidValue(string customer, string field)
    {
        var json = $$"""{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{{customer}},"text":"x"}""";

        Refused(Utf8(json), RejectReason.InvalidValue, field);
    }

    [Fact]
    public void ValidButOdd_RecordsAreRead()
    {
        string[] odd =
        [
            "\uFEFF" + Event(),
            "  \r\n\t" + Event() + " \n ",
            Event(extra: ",\"unknown\":{\"a\":[1,2.5e10,-0,true,false,null,\"s\",{}]},\"more\":null"),
            Event(extra: ",\"subject\":{},\"phone\":null,\"email\":null,\"social\":null,\"regulator\":null"),
            Event(extra: ",\"text\":\"the second text wins\""),
            Event(text: "\\u7535\\u6c60\\u574f\\u4e86\\ud83d\\ude21 \\\" \\\\ \\/ \\b\\f\\n\\r\\t"),
            Event(text: "😡🤬💢 要求赔偿999999999999999999999999亿元 ＡＸ７ 𠀀𠀁 ‮reversed‬ e\u0301\u0301\u0301"),
            Event(text: "0"),
            Event(text: " . "),
            Event(eventId: "\\u0065\\u0031"),
            Event(eventId: "李-😡-١٢٣"),
            """{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"phone":"＋８６ １３８ ００００ ００００"},"text":"x"}""",
            """{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"email":"ＬＩ＠ＥＸＡＭＰＬＥ．ＣＯＭ"},"text":"x"}""",
            """{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"id":"   ","handle":"weibo:@李华😡"},"text":"x"}""",
            """{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"phone":"1"},"text":"x","social":{"followers":9223372036854775807}}""",
            """{"eventId":"e","occurredAt":"2026-11-22T09:15:00Z","customer":{"phone":"+86 138 0000 0000 ext. 12345 (home)"},"text":"x"}""",
            """{"text":"x","customer":{"handle":"h"},"occurredAt":"2026-11-22T09:15:00Z","eventId":"e"}""",
        ];
        foreach (var json in odd)
        {
            var fact = Accepted(Utf8(json));
            Assert.StartsWith("cus-", fact.CustomerKey);
            Assert.All(fact.Identifiers, i => Assert.NotEmpty(Vault.Open(i)));
        }
    }

    [Fact]
    public void RandomValidEvents_AreAllRead_AndTheirIdentifiersOpen()
    {
        var random = new Random(5);
        for (var i = 0; i < 1500; i++)
        {
            var (bytes, phone) = RandomEvent(random);

            var fact = Accepted(bytes);

            Assert.Equal(IdentifierNormalizer.Phone(phone, "86"), Vault.Open(fact.Identifiers.Single(x => x.Kind == IdentifierKind.Phone)));
        }
    }

    /// <summary>A valid event of random Unicode content, escaped one of two ways.</summary>
    private static (byte[] Bytes, string Phone) RandomEvent(Random random)
    {
        var phone = (random.Next(2) == 0 ? "+86 " : "") + "1" + string.Concat(Enumerable.Range(0, 10).Select(_ => random.Next(10)));
        var buffer = new MemoryStream();
        var encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("eventId", "e" + RandomText(random, 30, fieldSafe: true));
            writer.WriteString("occurredAt", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(random.Next(-12, 15))).AddMinutes(random.Next(500_000)));
            writer.WriteStartObject("customer");
            writer.WriteString("phone", phone);
            if (random.Next(2) == 0)
            {
                writer.WriteString("email", RandomText(random, 10, fieldSafe: true).Replace("@", "") + "@example.com");
            }
            writer.WriteString("handle", "weibo:" + RandomText(random, 12, fieldSafe: true));
            writer.WriteEndObject();
            writer.WriteString("text", "x" + RandomText(random, 2000, fieldSafe: false));
            writer.WriteStartObject("subject");
            writer.WriteString("brand", RandomText(random, 20, fieldSafe: true));
            writer.WriteString("sku", RandomText(random, 20, fieldSafe: true));
            writer.WriteEndObject();
            writer.WriteStartObject("social");
            writer.WriteNumber("followers", random.NextInt64(0, long.MaxValue));
            writer.WriteString("postId", RandomText(random, 20, fieldSafe: true));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return (buffer.ToArray(), phone);
    }

    /// <summary>
    /// Random text drawn from what complaints hold and what breaks naive code: CJK, full-width
    /// characters, money words and digits, emoji, combining marks, RTL, zero-width characters and
    /// (outside identifier fields) control characters.
    /// </summary>
    internal static string RandomText(Random random, int maxLength, bool fieldSafe)
    {
        string[] words = ["退款", "赔偿", "12315", "媒体", "曝光", "万元", "元", "块", "亿", "律师", "起诉", "着火", "爆炸", "又坏了", "refund", "$", "¥", "€", "1,000.5", "k", "million", "!!!", "？？", "#话题#", "@"];
        var text = new StringBuilder();
        var length = random.Next(0, maxLength);
        while (text.Length < length)
        {
            switch (random.Next(10))
            {
                case 0: text.Append(words[random.Next(words.Length)]); break;
                case 1: text.Append((char)random.Next(0x4E00, 0x9FFF)); break;
                case 2: text.Append((char)random.Next(0xFF01, 0xFF5E)); break;
                case 3: text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                case 4: text.Append((char)random.Next(0x0300, 0x036F)); break;
                case 5: text.Append((char)random.Next(0x0600, 0x06FF)); break;
                case 6: text.Append("\u200b\u200d\u202e\u2066\ufeff"[random.Next(5)]); break;
                case 7: text.Append(fieldSafe ? ' ' : (char)random.Next(0, 0x20)); break;
                case 8: text.Append(string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)('0' + random.Next(10))))); break;
                default: text.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }
        return text.ToString();
    }

    [Fact]
    public void Classifier_EighteenDigitsBeforeADecimalPoint_DoesNotThrow()
    {
        var classification = Classifier.Classify("要求赔偿123456789012345678.99元");

        Assert.NotNull(classification.Demands);
    }

    [Fact]
    public void Classifier_RandomTexts_NeverThrow()
    {
        var random = new Random(6);
        for (var i = 0; i < 1500; i++)
        {
            var text = RandomText(random, 3000, fieldSafe: false);
            // Lone surrogates too: the classifier gets whatever a lenient producer might send.
            if (random.Next(4) == 0)
            {
                text = text.Insert(random.Next(text.Length + 1), random.Next(2) == 0 ? "\ud800" : "\udfff");
            }

            var classification = Classifier.Classify(text, random.Next(3) == 0 ? null : (decimal)random.NextDouble() * 100_000m);

            Assert.NotNull(classification.Demands);
            Assert.True(Enum.IsDefined(classification.Category));
        }
    }

    [Fact]
    public void Classifier_TenMegabyteText_NeverThrows()
    {
        var random = new Random(7);
        var text = new StringBuilder(TenMegabytes);
        while (text.Length < TenMegabytes)
        {
            text.Append(RandomText(random, 4096, fieldSafe: false));
        }

        var classification = Classifier.Classify(text.ToString(), 500m);

        Assert.NotNull(classification.Demands);
    }
}
