namespace IntakeMesh.Alerts.Tests.Infrastructure;

/// <summary>The RabbitMQ the test command started (tests/services.sh), by INTAKEMESH_TEST_RABBITMQ.</summary>
public static class RabbitMqTestBroker
{
    public const string Variable = "INTAKEMESH_TEST_RABBITMQ";

    /// <summary>The broker URI; fails the test, never skips it, when the variable is not set.</summary>
    public static string Uri =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                $"{Variable} is not set: these tests need a real RabbitMQ. Run them through tests/run.sh, or start one with "
                + "eval \"$(bash tests/services.sh start)\" and set the variable (e.g. amqp://guest:guest@127.0.0.1:5672/).");
}
