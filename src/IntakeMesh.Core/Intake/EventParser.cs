using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace IntakeMesh.Core.Intake;

/// <summary>
/// Reads one wire-format v1 record. A hand-written reader rather than a serializer so that every
/// refusal names the exact field and why, and so that unknown fields cost nothing. It never
/// throws: whatever the bytes, the answer is an event or a <see cref="ParseError"/>.
/// </summary>
public static class EventParser
{
    /// <summary>
    /// Event times outside this range are refused: they are typos or attacks, and the windows and
    /// deadlines computed from them would overflow <see cref="DateTimeOffset"/> in the grains.
    /// </summary>
    public static readonly DateTimeOffset EarliestTime = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestTime = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ParseResult Parse(ReadOnlySpan<byte> utf8, IntakeLimits? limits = null)
    {
        limits ??= IntakeLimits.Default;
        if (utf8.Length > limits.MaxRecordBytes)
        {
            return Fail(RejectReason.Oversized, "$", $"record is {utf8.Length} bytes; the limit is {limits.MaxRecordBytes}");
        }
        if (!Utf8.IsValid(utf8))
        {
            return Fail(RejectReason.InvalidUtf8, "$", $"record is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(utf8)})");
        }
        // JSON must not start with a byte-order mark, but parsers may ignore one (RFC 8259 §8.1); Windows tools write it.
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth });
            return new Reader(limits).ReadEvent(ref reader);
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(RejectReason.TooDeep, "$", $"JSON nests deeper than {limits.MaxDepth} levels");
        }
        catch (JsonException ex)
        {
            return Fail(RejectReason.NotJson, "$", $"not valid JSON: {FirstSentence(ex.Message)}");
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ParseResult Fail(string reason, string field, string message) => new(null, new ParseError(reason, field, message));

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        return offset;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Thrown inside the reader to unwind with a precise error; never escapes <see cref="Parse"/>.</summary>
    private sealed class Refusal(ParseError error) : Exception(error.Message)
    {
        public ParseError Error { get; } = error;
    }

    private sealed class Reader(IntakeLimits limits)
    {
        public ParseResult ReadEvent(ref Utf8JsonReader reader)
        {
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Refuse(RejectReason.WrongType, "$", "the record must be a JSON object");
                }
                string? eventId = null, text = null;
                DateTimeOffset? occurredAt = null;
                CustomerIdentifiers? customer = null;
                ComplaintSubject? subject = null;
                PhoneDetails? phone = null;
                EmailDetails? email = null;
                SocialDetails? social = null;
                RegulatorDetails? regulator = null;

                while (NextProperty(ref reader, "$", out var name))
                {
                    switch (name)
                    {
                        case "eventId": eventId = String(ref reader, "eventId"); break;
                        case "occurredAt": occurredAt = Timestamp(ref reader, "occurredAt"); break;
                        case "text": text = Text(ref reader); break;
                        case "customer": customer = Customer(ref reader); break;
                        case "subject": subject = Subject(ref reader); break;
                        case "phone": phone = Phone(ref reader); break;
                        case "email": email = Email(ref reader); break;
                        case "social": social = Social(ref reader); break;
                        case "regulator": regulator = Regulator(ref reader); break;
                        default: reader.Skip(); break;
                    }
                }
                // A record with trailing content after its object is not one JSON value.
                if (reader.Read())
                {
                    throw Refuse(RejectReason.NotJson, "$", "content follows the JSON object");
                }

                if (string.IsNullOrWhiteSpace(eventId))
                {
                    throw Refuse(eventId is null ? RejectReason.MissingField : RejectReason.InvalidValue, "eventId", "eventId is required and must not be empty");
                }
                if (occurredAt is null)
                {
                    throw Refuse(RejectReason.MissingField, "occurredAt", "occurredAt is required (ISO 8601 with an offset)");
                }
                if (customer is null)
                {
                    throw Refuse(RejectReason.MissingField, "customer", "customer is required with at least one of id, phone, email, handle");
                }
                if (customer.IsEmpty)
                {
                    throw Refuse(RejectReason.MissingField, "customer", "customer needs at least one of id, phone, email, handle");
                }
                if (text is null)
                {
                    throw Refuse(RejectReason.MissingField, "text", "text is required");
                }
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw Refuse(RejectReason.InvalidValue, "text", "text must not be empty");
                }
                var complaint = new ComplaintEvent(eventId, occurredAt.Value, customer, text)
                {
                    Subject = subject,
                    Phone = phone,
                    Email = email,
                    Social = social,
                    Regulator = regulator,
                };
                return new ParseResult(complaint, null);
            }
            catch (Refusal refusal)
            {
                return new ParseResult(null, refusal.Error);
            }
        }

        private CustomerIdentifiers Customer(ref Utf8JsonReader reader)
        {
            StartObject(ref reader, "customer");
            string? id = null, phone = null, email = null, handle = null;
            while (NextProperty(ref reader, "customer", out var name))
            {
                switch (name)
                {
                    case "id": id = String(ref reader, "customer.id"); break;
                    case "phone": phone = String(ref reader, "customer.phone"); break;
                    case "email": email = String(ref reader, "customer.email"); break;
                    case "handle": handle = String(ref reader, "customer.handle"); break;
                    default: reader.Skip(); break;
                }
            }
            return new CustomerIdentifiers(id, phone, email, handle);
        }

        private ComplaintSubject? Subject(ref Utf8JsonReader reader)
        {
            if (!StartOptionalObject(ref reader, "subject"))
            {
                return null;
            }
            string? brand = null, product = null, sku = null, batch = null, orderId = null, store = null, region = null;
            while (NextProperty(ref reader, "subject", out var name))
            {
                switch (name)
                {
                    case "brand": brand = String(ref reader, "subject.brand"); break;
                    case "product": product = String(ref reader, "subject.product"); break;
                    case "sku": sku = String(ref reader, "subject.sku"); break;
                    case "batch": batch = String(ref reader, "subject.batch"); break;
                    case "orderId": orderId = String(ref reader, "subject.orderId"); break;
                    case "store": store = String(ref reader, "subject.store"); break;
                    case "region": region = String(ref reader, "subject.region"); break;
                    default: reader.Skip(); break;
                }
            }
            return new ComplaintSubject(brand, product, sku, batch, orderId, store, region);
        }

        private PhoneDetails? Phone(ref Utf8JsonReader reader)
        {
            if (!StartOptionalObject(ref reader, "phone"))
            {
                return null;
            }
            string? callId = null, agentId = null;
            long? duration = null;
            while (NextProperty(ref reader, "phone", out var name))
            {
                switch (name)
                {
                    case "callId": callId = String(ref reader, "phone.callId"); break;
                    case "agentId": agentId = String(ref reader, "phone.agentId"); break;
                    case "durationSeconds": duration = Integer(ref reader, "phone.durationSeconds", 0, int.MaxValue); break;
                    default: reader.Skip(); break;
                }
            }
            return new PhoneDetails(callId, agentId, (int?)duration);
        }

        private EmailDetails? Email(ref Utf8JsonReader reader)
        {
            if (!StartOptionalObject(ref reader, "email"))
            {
                return null;
            }
            string? messageId = null, threadId = null, subjectLine = null;
            while (NextProperty(ref reader, "email", out var name))
            {
                switch (name)
                {
                    case "messageId": messageId = String(ref reader, "email.messageId"); break;
                    case "threadId": threadId = String(ref reader, "email.threadId"); break;
                    case "subjectLine": subjectLine = String(ref reader, "email.subjectLine"); break;
                    default: reader.Skip(); break;
                }
            }
            return new EmailDetails(messageId, threadId, subjectLine);
        }

        private SocialDetails? Social(ref Utf8JsonReader reader)
        {
            if (!StartOptionalObject(ref reader, "social"))
            {
                return null;
            }
            string? platform = null, postId = null, replyTo = null, repostOf = null, url = null;
            long? followers = null;
            while (NextProperty(ref reader, "social", out var name))
            {
                switch (name)
                {
                    case "platform": platform = String(ref reader, "social.platform"); break;
                    case "postId": postId = String(ref reader, "social.postId"); break;
                    case "followers": followers = Integer(ref reader, "social.followers", 0, long.MaxValue); break;
                    case "replyTo": replyTo = String(ref reader, "social.replyTo"); break;
                    case "repostOf": repostOf = String(ref reader, "social.repostOf"); break;
                    case "url": url = String(ref reader, "social.url"); break;
                    default: reader.Skip(); break;
                }
            }
            return new SocialDetails(platform, postId, followers, replyTo, repostOf, url);
        }

        private RegulatorDetails? Regulator(ref Utf8JsonReader reader)
        {
            if (!StartOptionalObject(ref reader, "regulator"))
            {
                return null;
            }
            string? body = null, caseRef = null;
            DateTimeOffset? dueAt = null;
            while (NextProperty(ref reader, "regulator", out var name))
            {
                switch (name)
                {
                    case "body": body = String(ref reader, "regulator.body"); break;
                    case "caseRef": caseRef = String(ref reader, "regulator.caseRef"); break;
                    case "dueAt": dueAt = Timestamp(ref reader, "regulator.dueAt", optional: true); break;
                    default: reader.Skip(); break;
                }
            }
            return new RegulatorDetails(body, caseRef, dueAt);
        }

        private string? Text(ref Utf8JsonReader reader)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Refuse(RejectReason.WrongType, "text", $"expected a string, got {Describe(reader.TokenType)}");
            }
            // Free text may hold control characters and anything else; only its size is limited.
            return Bounded(ref reader, "text", limits.MaxTextBytes);
        }

        /// <summary>The next property's name, or false at the object's end; <paramref name="parent"/> is blamed for a bad name.</summary>
        private static bool NextProperty(ref Utf8JsonReader reader, string parent, out string name)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                name = "";
                return false;
            }
            name = Decode(ref reader, parent);
            return true;
        }

        /// <summary>
        /// A string at most <paramref name="maxBytes"/> of UTF-8. The escaped length bounds the
        /// unescaped one from above, so most strings skip the exact count, and a huge unescaped one
        /// is refused without being decoded.
        /// </summary>
        private static string Bounded(ref Utf8JsonReader reader, string field, int maxBytes)
        {
            var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (raw <= maxBytes)
            {
                return Decode(ref reader, field);
            }
            // Unescaped, the raw bytes are the UTF-8 bytes: no need to decode what is refused anyway.
            var bytes = raw;
            string? value = null;
            if (reader.ValueIsEscaped)
            {
                value = Decode(ref reader, field);
                bytes = Encoding.UTF8.GetByteCount(value);
            }
            if (bytes > maxBytes)
            {
                throw Refuse(RejectReason.Oversized, field, $"{field} is {bytes} bytes of UTF-8; the limit is {maxBytes}");
            }
            return value ?? Decode(ref reader, field);
        }

        /// <summary>The string value; an escaped lone surrogate ("\ud800") is refused rather than thrown.</summary>
        private static string Decode(ref Utf8JsonReader reader, string field)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw Refuse(RejectReason.InvalidValue, field, "the string escapes an unpaired UTF-16 surrogate");
            }
        }

        /// <summary>
        /// Identifiers and names end up in grain keys, stored state and storage rows, which is why
        /// they are short and hold no control character or unpaired surrogate (PostgreSQL refuses
        /// NUL, strict UTF-8 encoders refuse lone surrogates).
        /// </summary>
        private string Field(ref Utf8JsonReader reader, string field)
        {
            var value = Bounded(ref reader, field, limits.MaxFieldBytes);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsControl(c))
                {
                    throw Refuse(RejectReason.InvalidValue, field, $"{field} holds control character U+{(int)c:X4} at {i}");
                }
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        i++;
                        continue;
                    }
                    throw Refuse(RejectReason.InvalidValue, field, $"{field} holds an unpaired surrogate at {i}");
                }
            }
            return value;
        }

        private static void StartObject(ref Utf8JsonReader reader, string field)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Refuse(RejectReason.WrongType, field, $"expected an object, got {Describe(reader.TokenType)}");
            }
        }

        private static bool StartOptionalObject(ref Utf8JsonReader reader, string field)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                return false;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Refuse(RejectReason.WrongType, field, $"expected an object, got {Describe(reader.TokenType)}");
            }
            return true;
        }

        private string? String(ref Utf8JsonReader reader, string field)
        {
            reader.Read();
            return reader.TokenType switch
            {
                JsonTokenType.String => Field(ref reader, field),
                JsonTokenType.Null => null,
                _ => throw Refuse(RejectReason.WrongType, field, $"expected a string, got {Describe(reader.TokenType)}"),
            };
        }

        private static long? Integer(ref Utf8JsonReader reader, string field, long min, long max)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw Refuse(RejectReason.WrongType, field, $"expected a whole number, got {Describe(reader.TokenType)}");
            }
            if (!reader.TryGetInt64(out var value))
            {
                throw Refuse(RejectReason.InvalidValue, field, "expected a whole number");
            }
            if (value < min || value > max)
            {
                throw Refuse(RejectReason.InvalidValue, field, $"{value} is out of range ({min}..{max})");
            }
            return value;
        }

        private DateTimeOffset? Timestamp(ref Utf8JsonReader reader, string field, bool optional = false)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null && optional)
            {
                return null;
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Refuse(RejectReason.WrongType, field, $"expected an ISO 8601 timestamp string, got {Describe(reader.TokenType)}");
            }
            var text = Field(ref reader, field);
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                throw Refuse(RejectReason.InvalidValue, field, $"'{Truncate(text)}' is not an ISO 8601 timestamp");
            }
            if (value < EarliestTime || value >= LatestTime)
            {
                throw Refuse(RejectReason.InvalidValue, field, $"{value:O} is outside {EarliestTime:yyyy}..{LatestTime:yyyy}");
            }
            return value;
        }

        private static Refusal Refuse(string reason, string field, string message) => new(new ParseError(reason, field, message));

        private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };
    }
}
