using SensorNode.Core.Board;

namespace SensorNode.Host.Ota;

/// <summary>
/// How large a signed image the target board's slots hold (docs/spec/ota-slots.md §11): the board profile's
/// ota_slot_kb, on boards with PSRAM (psram_kb &gt; 0). Boards without them run the application directly and are
/// updated with nanoff.
/// </summary>
public static class SlotBudget
{
    /// <summary>The board's profile when this tool knows it (built-in profiles), else null.</summary>
    public static BoardProfile? KnownProfile(string board)
    {
        string? text = BuiltInProfiles.Find(board);
        var profile = new BoardProfile();
        return text != null && BoardProfileParser.ParseText(text, profile, out _) == BoardProfileStatus.Ok ? profile : null;
    }

    /// <summary>Null when an image of <paramref name="imageBytes"/> fits a slot of <paramref name="profile"/>, else the one-line reason naming both sizes.</summary>
    public static string? Check(BoardProfile profile, long imageBytes)
    {
        long budget = profile.IsUpdatable ? profile.OtaSlotKiloBytes * 1024L : 0;
        if (!profile.IsUpdatable)
        {
            return $"board {profile.Name} takes no updates in the field (slot budget 0 bytes: {(profile.PsramKiloBytes == 0 ? "no PSRAM" : "no ota_slot_kb")}), and this image is {imageBytes} bytes. Update it with nanoff (flash.ps1), or sign for an updatable board such as esp32-devkitc-ve (hardware/README.md)";
        }

        return imageBytes > budget
            ? $"the image is {imageBytes} bytes but a slot on board {profile.Name} holds at most {budget} bytes (ota_slot_kb = {profile.OtaSlotKiloBytes}); make the application smaller (docs/spec/ota-slots.md §11)"
            : null;
    }
}
