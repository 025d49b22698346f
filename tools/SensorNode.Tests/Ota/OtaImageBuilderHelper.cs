using System.Security.Cryptography;
using SensorNode.Core.Ota;
using SensorNode.Host.Ota;

namespace SensorNode.Tests.Ota;

/// <summary>Builds signed test images of a chosen size, version and counter.</summary>
internal static class OtaImageBuilderHelper
{
    public static byte[] Image(RSA key, int major, int minor, int patch, int counter, int appBytes, string board = OtaVectors.Board, FirmwareAssembly[]? compat = null)
    {
        byte[] app = new byte[appBytes];
        new System.Random(appBytes ^ (major << 8) ^ counter).NextBytes(app);
        return OtaImageBuilder.Build(OtaImageBuilder.Header(major, minor, patch, counter, board, compat), new[] { ("App.pe", app) }, 0, "App.Program", key);
    }
}
