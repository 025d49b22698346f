using System;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// Base of a test class that runs against its own real Mosquitto (<see cref="BrokerFixture"/>): the derived
/// class starts it in its [ClassInitialize] with <see cref="StartBroker"/> and stops it in [ClassCleanup].
/// Generic in the derived class so that every test class has its own broker (classes run in parallel).
/// </summary>
public abstract class BrokerTestClass<TSelf>
    where TSelf : BrokerTestClass<TSelf>
{
    /// <summary>Safety limit of one wait, sized for a loaded 2-core machine.</summary>
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    private static BrokerFixture? _fixture;

    private protected static TestPki Pki => _fixture!.Pki;

    private protected static Mosquitto Broker => _fixture!.Broker;

    protected static string WorkDirectory => _fixture!.Directory;

    protected static string StateDirectory(string tag) => _fixture!.StateDirectory(tag);

    protected static void StartBroker(string purpose) => _fixture = BrokerFixture.Start(purpose);

    protected static void StopBroker() => _fixture?.Dispose();
}
