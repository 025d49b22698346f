using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// One real Mosquitto 2 over TLS for a test class: a fresh directory, a test PKI generated on the fly and the
/// broker with its password file and the shipped ACL. Start it in [ClassInitialize], dispose it in [ClassCleanup].
/// </summary>
internal sealed class BrokerFixture : IDisposable
{
    private BrokerFixture(string directory)
    {
        Directory = directory;
        Pki = new TestPki(directory);
        Broker = new Mosquitto(Path.Combine(directory, "broker"), Pki);
    }

    public string Directory { get; }

    public TestPki Pki { get; }

    public Mosquitto Broker { get; }

    /// <summary>A fresh node flash directory (--state) inside the fixture's directory.</summary>
    public string StateDirectory(string tag) => System.IO.Directory.CreateDirectory(Path.Combine(Directory, "state-" + tag)).FullName;

    /// <summary>Starts a broker in a new temporary directory named after <paramref name="purpose"/>.</summary>
    public static BrokerFixture Start(string purpose)
    {
        if (!File.Exists("/usr/sbin/mosquitto") && !File.Exists("/usr/bin/mosquitto"))
        {
            Assert.Fail("mosquitto is not installed: apt-get install -y mosquitto mosquitto-clients (CI's .ci/run does this)");
        }

        return new BrokerFixture(Simulator.TempDirectory(purpose));
    }

    public void Dispose()
    {
        Broker.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
