using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace IntakeMesh.Ingestion.Kafka;

/// <summary>
/// librdkafka's mock cluster auto-creates topics with 4 partitions and refuses admin
/// CreateTopics; its own C API creates them with as many as asked. Confluent.Kafka does not
/// expose it, so it is called directly on the handle of the client that owns the cluster.
/// </summary>
internal static partial class MockClusterNative
{
    static MockClusterNative() =>
        NativeLibrary.SetDllImportResolver(typeof(MockClusterNative).Assembly, (name, _, _) =>
            name == "librdkafka" ? LoadLibrdkafka() : IntPtr.Zero);

    [LibraryImport("librdkafka")]
    private static partial IntPtr rd_kafka_handle_mock_cluster(IntPtr rk);

    [LibraryImport("librdkafka", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_mock_topic_create(IntPtr mcluster, string topic, int partitionCount, int replicationFactor);

    /// <summary>
    /// The same file Confluent.Kafka loaded: it tries the plain build first and falls back to the
    /// CentOS 8 build on machines without libsasl2; loading an already-loaded path returns its handle.
    /// </summary>
    private static IntPtr LoadLibrdkafka()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal) ? "linux-musl-x64" : $"linux-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}", "native");
        string[] candidates = OperatingSystem.IsLinux()
            ? [Path.Combine(native, "librdkafka.so"), Path.Combine(native, "centos8-librdkafka.so"), Path.Combine(native, "alpine-librdkafka.so")]
            : [];
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }
        return IntPtr.Zero;
    }

    [LibraryImport("librdkafka")]
    private static partial int rd_kafka_mock_broker_set_down(IntPtr mcluster, int brokerId);

    [LibraryImport("librdkafka")]
    private static partial int rd_kafka_mock_broker_set_up(IntPtr mcluster, int brokerId);

    /// <summary>Takes a mock broker down (closing its connections) or brings it back, as a network outage would.</summary>
    public static void SetBrokerAvailable(IClient owner, int brokerId, bool available)
    {
        var cluster = Cluster(owner) ?? throw new InvalidOperationException("the client owns no mock cluster");
        var error = available ? rd_kafka_mock_broker_set_up(cluster, brokerId) : rd_kafka_mock_broker_set_down(cluster, brokerId);
        if (error != 0)
        {
            throw new InvalidOperationException($"librdkafka error {(Confluent.Kafka.ErrorCode)error}");
        }
    }

    private static IntPtr? Cluster(IClient owner)
    {
        var safeHandle = owner.Handle.GetType()
            .GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?
            .GetValue(owner.Handle) as SafeHandle;
        if (safeHandle is null)
        {
            return null;
        }
        var cluster = rd_kafka_handle_mock_cluster(safeHandle.DangerousGetHandle());
        return cluster == IntPtr.Zero ? null : cluster;
    }

    /// <summary>Creates the topic; returns null on success or why it could not.</summary>
    public static string? CreateTopic(IClient owner, string topic, int partitions)
    {
        try
        {
            if (Cluster(owner) is not { } cluster)
            {
                return "the client owns no mock cluster";
            }
            var error = rd_kafka_mock_topic_create(cluster, topic, partitions, 1);
            return error == 0 ? null : $"librdkafka error {(Confluent.Kafka.ErrorCode)error}";
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TargetInvocationException)
        {
            return ex.Message.Split('\n')[0];
        }
    }
}
