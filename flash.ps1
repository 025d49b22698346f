#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Sets up an ESP32 SensorNode: flashes the nanoFramework runtime, deploys the code, and optionally provisions it.

.DESCRIPTION
  Two ways to set up a node (-Mode):
    Updatable (default on targets whose firmware uses PSRAM, tools/flash/esp32-targets.csv): the OTA loader is
      deployed, the application is signed into an update image (the assemblies of the "image" role in
      firmware/deployments.json) and placed in slot A (I:\ota-a.img) over nanoff --filedeployment; the loader boots
      it, and later signed updates replace it (docs/spec/ota-slots.md).
    Direct (default elsewhere, and the explicit choice on PSRAM targets): the application itself is deployed and
      updated with nanoff.

  Steps, in order:
    1. nanoff: -Nanoff, else the repo's local tool manifest (.config/dotnet-tools.json), else PATH, else
       ~/.dotnet/tools (or -NanoffToolPath); otherwise 'dotnet tool install --global nanoff' (or --tool-path
       DIR), unless -NoInstall. Every later nanoff step, provisioning included, runs this same nanoff.
    2. Runtime:  nanoff --update --target T --serialport P [--fwversion V] [--masserase]   (skip: -SkipFirmware)
    3. Deploy:   nanoff --target T --serialport P --deploy --image <X>.bin --address A --reset
                 X = SensorNode.Loader (Updatable) or -Application (Direct). A comes from the deployment partition
                 table (tools/flash/esp32-partitions.csv: series x flash size x firmware version, read from
                 nf-interpreter's partitions_nanoclr_*.csv). Where that table cannot know the address (an unlisted
                 target, a firmware version whose layout changed within the version, or -SkipFirmware without
                 -FirmwareVersion), it asks the running device instead:
                 nanoff --nanodevice --deploy --serialport P --image <X>.bin.   (skip: -SkipDeploy)
                 The image must fit the deployment partition, or the script refuses it (exit 10).
    4. Updatable only: sensornode ota sign --key K ... --input <each image .pe> --output <OutDir>/ota-a.img
       (K = -FleetKey, or the repository's public TEST key with a loud warning), refused when the signed image
       cannot fit one slot of I:\ (exit 10); then nanoff --filedeployment <OutDir>/slot-a.json writes it to
       I:\ota-a.img, and nanoff's report is read back: every file must say OK (exit 8 otherwise, naming the files).
    5. Provisioning (only with -Config): sensornode provision --port PP ... over a second UART (-ProvisionPort),
       or sensornode provision --via-nanoff --nanoff <the nanoff of step 1> --port P ... over USB.

  -WhatIf prints every command, one per line, exactly as it would run, and runs nothing.

  Exit codes: 0 done; 2 bad or conflicting parameters; 3 no serial port; 4 unknown target; 5 no build output;
  6 no nanoff (and not allowed or not able to install it); 7 an input file is missing; 8 a nanoff, dotnet or
  signing step failed (or nanoff reported a file it did not deploy); 9 provisioning failed; 10 the image does not
  fit the target (deployment partition or OTA slot), or the target cannot run the loader.

.EXAMPLE
  ./flash.ps1 -Port COM5 -Target ESP32_PSRAM_REV3 -FlashSize 8 -Config node.json -Ca ca.pem -FleetKey fleet.pem -OtaPubKey fleet-public.pem
.EXAMPLE
  ./flash.ps1 -Port /dev/ttyUSB0 -Target ESP32_REV3 -Config node.json -Ca ca.pem -WhatIf
#>
[CmdletBinding(PositionalBinding = $false)]
param(
    # Serial port of the board's USB connection (COM5, /dev/ttyUSB0).
    [string]$Port,
    # nanoFramework firmware target; one of tools/flash/esp32-targets.csv.
    [string]$Target,
    # Updatable (loader + signed image in slot A) or Direct (the application itself). Default: Updatable on
    # targets whose firmware uses PSRAM, Direct elsewhere.
    [string]$Mode,
    # Flash size of the board in MB (nanoff writes the partition table for the size it detects): 2, 4, 8, 16 or 32.
    [int]$FlashSize = 4,
    # Build configuration whose output is deployed.
    [string]$Configuration = 'Release',
    # Direct mode: name of the Exe project (and of its deployment image <name>.bin).
    [string]$Application = 'SensorNode.Device',
    # Folder holding the build output (<X>.bin and, for Updatable, the image's .pe files);
    # default firmware/<project>/bin/<Configuration>.
    [string]$BuildOutput,
    # Explicit deployment image (.bin) for step 3; overrides -Application and -BuildOutput for that step.
    [string]$Image,
    # Address: deploy at the table's (or -Address's) address; NanoDevice: ask the running nanoCLR. Default: Address
    # where the table knows the address, NanoDevice where it does not.
    [string]$DeployVia,
    # Start of the deployment partition (hex), overriding the table.
    [string]$Address,
    # Firmware version passed to nanoff --fwversion (default: nanoff's latest stable); also picks the table's row.
    [string]$FirmwareVersion,
    # Erase the whole flash (including the I:\ file system) before flashing the runtime.
    [switch]$MassErase,
    [switch]$SkipFirmware,
    [switch]$SkipDeploy,
    # Updatable: private key (PEM) the slot A image is signed with; default: the repository's public TEST key.
    [string]$FleetKey,
    # Updatable: version and security counter of the slot A image.
    [string]$ImageVersion = '1.0.0',
    [int]$SecurityCounter = 1,
    # Updatable: board profile the image is built for (default: boardProfile of -Config).
    [string]$Board,
    # Updatable: folder for ota-a.img and slot-a.json; default <image build output>/ota-slot-a.
    [string]$OutDir,
    # Node configuration JSON; when given, the node is provisioned after deployment.
    [string]$Config,
    # Serial port of the provisioning console (second UART); without it, provisioning goes via nanoff.
    [string]$ProvisionPort,
    [string]$Ca,
    [string]$Cert,
    [string]$Key,
    [string]$OtaPubKey,
    # Path to a nanoff executable to use instead of looking for one.
    [string]$Nanoff,
    # Folder for the nanoff tool when it is not on PATH: looked in, and installed into with --tool-path.
    # Default: dotnet's global tool folder (~/.dotnet/tools), installed into with --global.
    [string]$NanoffToolPath,
    # Never install nanoff; fail with exit code 6 when it is not found.
    [switch]$NoInstall,
    # Update nanoff to its latest version before using it.
    [switch]$UpdateNanoff,
    # sensornode executable or sensornode.dll; default: PATH, then the built CLI, then dotnet run.
    [string]$Sensornode,
    # Accept a target that is not in the known list (after checking 'nanoff --listtargets --platform esp32').
    [switch]$AllowUnlistedTarget,
    # Print the commands instead of running them.
    [switch]$WhatIf,
    # Anything else: reported as a usage error (exit 2) instead of PowerShell's own binding error.
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]]$Unrecognized
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ExitUsage = 2; $ExitNoPort = 3; $ExitUnknownTarget = 4; $ExitNoBuildOutput = 5
$ExitNoNanoff = 6; $ExitMissingFile = 7; $ExitStepFailed = 8; $ExitProvisionFailed = 9; $ExitDoesNotFit = 10

# Room kept on I:\ beside the two OTA slots: the config blob, certificates, the reading log, the slot state and
# LittleFS's own blocks. One slot may use half of what is left: the rule of docs/spec/ota-slots.md §11, which also
# gives board profiles their ota_slot_kb (896 KB with 8 MB flash), so flash.ps1 and `ota sign --board` agree.
$SlotReserveBytes = 256 * 1024
function Get-SlotBudget($Layout) {
    [long][Math]::Max(0, [Math]::Floor(([Convert]::ToInt64($Layout.config_size, 16) - $SlotReserveBytes) / 2))
}
# Signed image >= header (96, plus 48 per firmware compat entry) + manifest (72 + 36 per file) + the files +
# signature (384): docs/spec/ota-image.md. Checked before signing, and the real size again after.
$ImageFixedBytes = 96 + 72 + 384
$ImagePerFileBytes = 36

function Stop-Flash([int]$code, [string]$message) {
    [Console]::Error.WriteLine("flash.ps1: $message")
    exit $code
}

function Write-Note([string]$message) { [Console]::Error.WriteLine("flash.ps1: $message") }

function Get-FullPath([string]$path) {
    return [System.IO.Path]::GetFullPath($path, (Get-Location).ProviderPath)
}

function Format-Argument([string]$arg) {
    if ($arg -match '^[A-Za-z0-9_\-\.:/\\=,+@%]+$') { return $arg }
    return "'" + ($arg -replace "'", "''") + "'"
}

function Format-Size([long]$bytes) { return "$bytes bytes ($([Math]::Round($bytes / 1024.0, 1)) KB)" }

function Read-Table([string]$path) {
    return @(Get-Content -LiteralPath $path | Where-Object { $_ -notmatch '^\s*#' -and $_.Trim() } | ConvertFrom-Csv)
}

# 1.14, 1.14.0, 1.14.0.5 -> [version] of major.minor.patch; $null when not a version.
function ConvertTo-FirmwareVersion([string]$text) {
    if ($text -notmatch '^(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?$') { return $null }
    $patch = if ($Matches[3]) { [int]$Matches[3] } else { 0 }
    return [version]::new([int]$Matches[1], [int]$Matches[2], $patch)
}

$RepoRoot = $PSScriptRoot
$steps = [System.Collections.Generic.List[object]]::new()
function Add-Step([string]$kind, [string[]]$command, [object]$check = $null) {
    $steps.Add([pscustomobject]@{ Kind = $kind; Command = $command; Check = $check })
}

$targets = Read-Table (Join-Path $RepoRoot 'tools/flash/esp32-targets.csv')
$partitions = Read-Table (Join-Path $RepoRoot 'tools/flash/esp32-partitions.csv')
$KnownTargets = @($targets | ForEach-Object { $_.target })

# --- validate everything before running anything -------------------------------------------------
if ($Unrecognized) {
    Stop-Flash $ExitUsage "unknown parameter or stray value '$($Unrecognized[0])'; run 'Get-Help ./flash.ps1 -Detailed' for the parameters"
}

if ([string]::IsNullOrWhiteSpace($Port)) {
    Stop-Flash $ExitNoPort "no serial port: pass -Port (e.g. -Port COM5 or -Port /dev/ttyUSB0); 'nanoff --listports' lists them"
}

if ($DeployVia -and $DeployVia -notin @('Address', 'NanoDevice')) {
    Stop-Flash $ExitUsage "-DeployVia must be Address or NanoDevice, got '$DeployVia'"
}

if ($Mode -and $Mode -notin @('Updatable', 'Direct')) {
    Stop-Flash $ExitUsage "-Mode must be Updatable or Direct, got '$Mode'"
}

if ($SkipFirmware -and $SkipDeploy -and -not $Config) {
    Stop-Flash $ExitUsage "nothing to do: -SkipFirmware and -SkipDeploy given without -Config"
}

$targetRow = $null
$needsTarget = (-not $SkipFirmware) -or (-not $SkipDeploy -and $DeployVia -ne 'NanoDevice')
if ($needsTarget) {
    if ([string]::IsNullOrWhiteSpace($Target)) {
        Stop-Flash $ExitUnknownTarget "no target: pass -Target, one of $($KnownTargets -join ', ')"
    }
    $targetRow = $targets | Where-Object { $_.target -ceq $Target } | Select-Object -First 1
    if (-not $targetRow -and -not $AllowUnlistedTarget) {
        Stop-Flash $ExitUnknownTarget "unknown target '$Target': use one of $($KnownTargets -join ', ') (nf-interpreter's current ESP32 targets), or check 'nanoff --listtargets --platform esp32' and pass -AllowUnlistedTarget"
    }
}

if ($Address) {
    if ($DeployVia -eq 'NanoDevice') {
        Stop-Flash $ExitUsage "-Address applies to -DeployVia Address only; NanoDevice reads the address from the device"
    }
    if ($Address -notmatch '^0x[0-9A-Fa-f]{1,8}$') {
        Stop-Flash $ExitUsage "-Address must be hexadecimal like 0x1E0000, got '$Address'"
    }
}

$fwVersion = $null
if ($FirmwareVersion) {
    $fwVersion = ConvertTo-FirmwareVersion $FirmwareVersion
    if (-not $fwVersion) {
        Stop-Flash $ExitUsage "-FirmwareVersion must look like 1.14.0 or 1.14.0.120, got '$FirmwareVersion'"
    }
}

if ($PSBoundParameters.ContainsKey('FlashSize') -and $FlashSize -notin @(2, 4, 8, 16, 32)) {
    Stop-Flash $ExitUsage "-FlashSize must be 2, 4, 8, 16 or 32 (MB), got $FlashSize"
}

# Updatable or Direct.
$psram = $targetRow -and $targetRow.psram -eq 'yes'
if (-not $Mode) { $Mode = if ($psram -and -not $SkipDeploy) { 'Updatable' } else { 'Direct' } }
if ($Mode -eq 'Updatable') {
    if ($SkipDeploy) { Stop-Flash $ExitUsage "-Mode Updatable deploys the loader and slot A: drop -SkipDeploy" }
    foreach ($name in @('Application', 'Image')) {
        if ($PSBoundParameters.ContainsKey($name)) { Stop-Flash $ExitUsage "-$name applies to -Mode Direct; Updatable deploys SensorNode.Loader and signs the image role of firmware/deployments.json" }
    }
    if ($targetRow -and -not $psram) {
        Stop-Flash $ExitDoesNotFit "$Target cannot run the OTA loader: its firmware does not use PSRAM ($($targetRow.sdkconfig)), and an image loaded with Assembly.Load(byte[]) stays in the ~100 KB managed heap; use -Mode Direct (updates then go over nanoff), or a PSRAM target such as ESP32_PSRAM_REV3 on a module with PSRAM"
    }
} else {
    foreach ($name in @('FleetKey', 'Board', 'OutDir')) {
        if ($PSBoundParameters.ContainsKey($name)) { Stop-Flash $ExitUsage "-$name applies to -Mode Updatable only" }
    }
}

# --- where the code goes: the deployment partition table ------------------------------------------
# $layout: the table row for this series, flash size and firmware version; $null when the table cannot know.
$layout = $null
$layoutWhy = $null
$layoutName = $null
if ($Target -and -not $SkipDeploy) {
    if (-not $targetRow) {
        $layoutWhy = "'$Target' is not in tools/flash/esp32-targets.csv"
    } else {
        $series = $targetRow.series
        $seriesRows = @($partitions | Where-Object { $_.series -eq $series })
        if ($fwVersion) {
            $versionRows = @($seriesRows | Where-Object {
                $fwVersion -ge [version]$_.from -and (-not $_.until -or $fwVersion -lt [version]$_.until) })
            $versionText = "firmware $FirmwareVersion"
        } elseif (-not $SkipFirmware) {
            # This run flashes nanoff's latest stable firmware: the current layout.
            $versionRows = @($seriesRows | Where-Object { -not $_.until })
            $versionText = 'current firmware'
        } else {
            $versionRows = @()
            $versionText = $null
            $layoutWhy = "the firmware on the device is unknown (-SkipFirmware without -FirmwareVersion)"
        }
        if ($versionText) {
            $row = $versionRows | Where-Object { $_.flash_mb -eq "$FlashSize" -or $_.flash_mb -eq '*' } | Select-Object -First 1
            if (-not $row) {
                if ($versionRows.Count -gt 0) {
                    $sizes = ($versionRows | ForEach-Object { $_.flash_mb } | Sort-Object { [int]$_ } -Unique) -join ', '
                    Stop-Flash $ExitDoesNotFit "$Target ($series) has no partition table for $FlashSize MB flash in $versionText (upstream has $sizes MB); pass the board's -FlashSize"
                }
                $layoutWhy = "tools/flash/esp32-partitions.csv has no $series layout for $versionText"
            } elseif ($row.deploy_address -eq 'device') {
                $layoutWhy = "$series changed its layout within $versionText ($($row.source))"
            } else {
                $layout = $row
                $layoutName = "$series with $FlashSize MB flash, $versionText"
            }
        }
    }
}

$via = $DeployVia
if (-not $SkipDeploy) {
    if (-not $via) { $via = if ($layout -or $Address) { 'Address' } else { 'NanoDevice' } }
    if ($via -eq 'Address' -and -not $layout -and -not $Address) {
        Stop-Flash $ExitUsage "no deploy address for '$Target': $layoutWhy; pass -Address 0x... from your firmware's partition table, or -DeployVia NanoDevice"
    }
    if ($via -eq 'NanoDevice' -and -not $PSBoundParameters.ContainsKey('DeployVia') -and $layoutWhy) {
        Write-Note "deploy address: asking the running device (--nanodevice): $layoutWhy"
    }
}
$deployAddress = if ($Address) { $Address.ToUpperInvariant().Replace('0X', '0x') } elseif ($layout) { $layout.deploy_address } else { $null }

# --- what is deployed -----------------------------------------------------------------------------
function Get-BuildFolder([string]$project) {
    if ($BuildOutput) { return Get-FullPath $BuildOutput }
    return Join-Path $RepoRoot "firmware/$project/bin/$Configuration"
}

$imagePath = $null
if (-not $SkipDeploy) {
    $project = if ($Mode -eq 'Updatable') { 'SensorNode.Loader' } else { $Application }
    $imagePath = if ($Image) { Get-FullPath $Image } else { Join-Path (Get-BuildFolder $project) "$project.bin" }
    if (-not (Test-Path -LiteralPath $imagePath -PathType Leaf)) {
        Stop-Flash $ExitNoBuildOutput "no build output: '$imagePath' not found; build the device solution (SensorNode.Device.sln, $Configuration) in Visual Studio with the nanoFramework extension (docs/device-build.md), or pass -Image or -BuildOutput"
    }
    $imageBytes = (Get-Item -LiteralPath $imagePath).Length
    if ($layout -and -not $Address -and $imageBytes -gt [Convert]::ToInt64($layout.deploy_size, 16)) {
        $room = [Convert]::ToInt64($layout.deploy_size, 16)
        Stop-Flash $ExitDoesNotFit "$([System.IO.Path]::GetFileName($imagePath)) is $(Format-Size $imageBytes) but the deployment partition of $layoutName is $(Format-Size $room) (at $($layout.deploy_address), $($layout.source)); choose a board with more flash (-FlashSize) or a smaller deployment"
    }
}

# Updatable: the image's .pe files, the signing key and the slot A budget.
$peFiles = @()
$slotImage = $null
$slotJson = $null
$signKey = $null
$usesTestKey = $false
if ($Mode -eq 'Updatable') {
    $roles = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'firmware/deployments.json') | ConvertFrom-Json
    $peFolder = Get-BuildFolder 'SensorNode.Device'
    foreach ($assembly in @($roles.image)) {
        $pe = Join-Path $peFolder "$assembly.pe"
        if (-not (Test-Path -LiteralPath $pe -PathType Leaf)) {
            Stop-Flash $ExitNoBuildOutput "no build output: '$pe' (an assembly of the image role in firmware/deployments.json) not found; build SensorNode.Device.sln ($Configuration), or pass -BuildOutput"
        }
        $peFiles += $pe
    }
    $peBytes = 0L
    foreach ($pe in $peFiles) { $peBytes += (Get-Item -LiteralPath $pe).Length }
    $signedBytes = $ImageFixedBytes + $ImagePerFileBytes * $peFiles.Count + $peBytes
    if ($layout) {
        $slotBudget = Get-SlotBudget $layout
        if ($signedBytes -gt $slotBudget) {
            Stop-Flash $ExitDoesNotFit "the signed image would be at least $(Format-Size $signedBytes) but one OTA slot of $layoutName holds $(Format-Size $slotBudget) (I:\ is $(Format-Size ([Convert]::ToInt64($layout.config_size, 16))), two slots beside $($SlotReserveBytes / 1024) KB of state); use a board with more flash (-FlashSize 8 or more) or -Mode Direct"
        }
    } else {
        Write-Note "slot budget not checked: the size of I:\ is unknown ($layoutWhy)"
    }

    if ($FleetKey) {
        $signKey = Get-FullPath $FleetKey
        if (-not (Test-Path -LiteralPath $signKey -PathType Leaf)) { Stop-Flash $ExitMissingFile "fleet key not found: '$signKey' (from -FleetKey)" }
        if ($Config -and -not $OtaPubKey) {
            Stop-Flash $ExitUsage "-FleetKey needs -OtaPubKey (its public key) with -Config, so that the node verifies updates with the fleet key"
        }
    } else {
        $signKey = Join-Path $RepoRoot 'docs/spec/vectors/ota/test-private.pem'
        $usesTestKey = $true
    }

    if (-not $Board) {
        if ($Config -and (Test-Path -LiteralPath (Get-FullPath $Config) -PathType Leaf)) {
            try { $Board = (Get-Content -Raw -LiteralPath (Get-FullPath $Config) | ConvertFrom-Json).boardProfile } catch { $Board = $null }
        }
        if (-not $Board) { Stop-Flash $ExitUsage "-Mode Updatable needs the board profile the image is for: pass -Board (e.g. esp32-devkitc-ve) or a -Config with boardProfile" }
    }
    $outFolder = if ($OutDir) { Get-FullPath $OutDir } else { Join-Path $peFolder 'ota-slot-a' }
    $slotImage = Join-Path $outFolder 'ota-a.img'
    $slotJson = Join-Path $outFolder 'slot-a.json'
}

$provisionFiles = [ordered]@{ '--config' = $Config; '--ca' = $Ca; '--cert' = $Cert; '--key' = $Key; '--ota-pubkey' = $OtaPubKey }
if (-not $Config) {
    foreach ($name in @('Ca', 'Cert', 'Key', 'OtaPubKey', 'ProvisionPort')) {
        if ($PSBoundParameters.ContainsKey($name)) { Stop-Flash $ExitUsage "-$name needs -Config (the node configuration JSON to provision)" }
    }
} else {
    foreach ($option in @($provisionFiles.Keys)) {
        $value = $provisionFiles[$option]
        if (-not $value) { continue }
        $full = Get-FullPath $value
        if (-not (Test-Path -LiteralPath $full -PathType Leaf)) {
            Stop-Flash $ExitMissingFile "provisioning file for $option not found: '$full'"
        }
        $provisionFiles[$option] = $full
    }
}

# --- sensornode -----------------------------------------------------------------------------------
$cli = $null
if ($Config -or $Mode -eq 'Updatable') {
    if ($Sensornode) {
        $full = Get-FullPath $Sensornode
        if (-not (Test-Path -LiteralPath $full -PathType Leaf)) {
            Stop-Flash $ExitMissingFile "sensornode not found at '$full' (from -Sensornode)"
        }
        $cli = @(if ($full.EndsWith('.dll', [StringComparison]::OrdinalIgnoreCase)) { 'dotnet' }) + @($full)
    } elseif (Get-Command sensornode -CommandType Application -ErrorAction SilentlyContinue) {
        $cli = @('sensornode')
    } else {
        $dll = Join-Path $RepoRoot "tools/SensorNode.Cli/bin/$Configuration/net10.0/sensornode.dll"
        $cli = @(if (Test-Path -LiteralPath $dll -PathType Leaf) { 'dotnet', $dll } else {
            'dotnet', 'run', '--project', (Join-Path $RepoRoot 'tools/SensorNode.Cli'), '-c', $Configuration, '--'
        })
    }
}

# --- nanoff -------------------------------------------------------------------------------------
$usesNanoff = (-not $SkipFirmware) -or (-not $SkipDeploy) -or ($Config -and -not $ProvisionPort)
$nanoffCommand = $null
if ($usesNanoff) {
    $dotnet = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $manifest = Join-Path $RepoRoot '.config/dotnet-tools.json'
    $inManifest = (Test-Path -LiteralPath $manifest) -and ((Get-Content -Raw -LiteralPath $manifest | ConvertFrom-Json).tools.PSObject.Properties.Name -contains 'nanoff')
    # dotnet puts global tools in $DOTNET_CLI_HOME/.dotnet/tools when that is set, else in the user's home.
    $homeDir = if ($env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME } else { [Environment]::GetFolderPath('UserProfile') }
    $toolDir = if ($NanoffToolPath) { Get-FullPath $NanoffToolPath } else { Join-Path $homeDir '.dotnet/tools' }
    $toolScope = if ($NanoffToolPath) { @('--tool-path', $toolDir) } else { @('--global') }
    $toolNanoff = Join-Path $toolDir ('nanoff' + $(if ($IsWindows) { '.exe' } else { '' }))

    if ($Nanoff) {
        $full = Get-FullPath $Nanoff
        if (-not (Test-Path -LiteralPath $full -PathType Leaf)) {
            Stop-Flash $ExitNoNanoff "no nanoff: '$full' (from -Nanoff) does not exist; install it with 'dotnet tool install --global nanoff' or fix the path"
        }
        $nanoffCommand = @($full)
    } elseif ($inManifest) {
        if ($UpdateNanoff) { Add-Step 'dotnet' @('dotnet', 'tool', 'update', '--local', 'nanoff') }
        $nanoffCommand = @('dotnet', 'nanoff')
    } else {
        $onPath = Get-Command nanoff -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($onPath -and -not $UpdateNanoff) {
            # The full path, so that provisioning (a child of sensornode) runs this very nanoff.
            $nanoffCommand = @($onPath.Source)
        } elseif ((Test-Path -LiteralPath $toolNanoff -PathType Leaf) -and -not $UpdateNanoff) {
            $nanoffCommand = @($toolNanoff)
        } elseif ($NoInstall) {
            Stop-Flash $ExitNoNanoff "no nanoff: not found on PATH or in $toolDir; install it with 'dotnet tool install --global nanoff', pass -Nanoff PATH, or drop -NoInstall"
        } elseif (-not $dotnet) {
            Stop-Flash $ExitNoNanoff "no nanoff and no dotnet to install it with: install the .NET SDK, then 'dotnet tool install --global nanoff'"
        } else {
            $verb = if ($UpdateNanoff) { 'update' } else { 'install' }
            Add-Step 'dotnet' (@('dotnet', 'tool', $verb) + $toolScope + @('nanoff'))
            $nanoffCommand = @($toolNanoff)
        }
    }
}

# --- plan -------------------------------------------------------------------------------------------
if (-not $SkipFirmware) {
    $update = @('--update', '--target', $Target, '--serialport', $Port)
    if ($FirmwareVersion) { $update += @('--fwversion', $FirmwareVersion) }
    if ($MassErase) { $update += '--masserase' }
    Add-Step 'nanoff' ($nanoffCommand + $update)
}

if (-not $SkipDeploy) {
    if ($via -eq 'Address') {
        Add-Step 'nanoff' ($nanoffCommand + @('--target', $Target, '--serialport', $Port, '--deploy', '--image', $imagePath, '--address', $deployAddress, '--reset'))
    } else {
        Add-Step 'nanoff' ($nanoffCommand + @('--nanodevice', '--deploy', '--serialport', $Port, '--image', $imagePath))
    }
}

if ($Mode -eq 'Updatable') {
    if ($usesTestKey) {
        $bar = '*' * 100
        Write-Note $bar
        Write-Note "WARNING: slot A is signed with the repository's PUBLIC TEST KEY (docs/spec/vectors/ota/test-private.pem)."
        Write-Note "WARNING: anyone can sign an update this node will install. For a real node pass -FleetKey (and -OtaPubKey)."
        Write-Note $bar
    }
    $sign = @('ota', 'sign', '--key', $signKey, '--version', $ImageVersion, '--security-counter', "$SecurityCounter", '--board', $Board)
    foreach ($pe in $peFiles) { $sign += @('--input', $pe) }
    $sign += @('--output', $slotImage)
    Add-Step 'sign' ($cli + $sign) ([pscustomobject]@{ Image = $slotImage; Json = $slotJson })
    Add-Step 'slot' ($nanoffCommand + @('--filedeployment', $slotJson)) ([pscustomobject]@{ Files = @(@{ Source = $slotImage; Destination = 'I:\ota-a.img' }) })
}

if ($Config) {
    $provision = @('provision')
    if ($ProvisionPort) { $provision += @('--port', $ProvisionPort) } else { $provision += @('--via-nanoff', '--nanoff', ($nanoffCommand -join ' '), '--port', $Port) }
    foreach ($option in $provisionFiles.Keys) {
        if ($provisionFiles[$option]) { $provision += @($option, $provisionFiles[$option]) }
    }
    Add-Step 'provision' ($cli + $provision)
}

# --- print or run ---------------------------------------------------------------------------------
# nanoff --filedeployment exits 0 even when a file failed (FileDeploymentManager.DeployAsync): read its report.
# Each file must be reported as "Deploying file <source> to <destination>...OK".
function Test-FileDeployment([string[]]$output, [object[]]$files) {
    $text = ($output -join "`n") -replace "`e\[[0-9;]*m", ''
    $failed = @()
    foreach ($file in $files) {
        $line = "Deploying file $($file.Source) to $($file.Destination)..."
        $ok = $false
        foreach ($l in $text.Split("`n")) {
            if ($l.Trim().StartsWith($line, [StringComparison]::Ordinal) -and $l.Trim().EndsWith('OK', [StringComparison]::Ordinal)) { $ok = $true }
        }
        if (-not $ok) { $failed += $file.Destination }
    }
    return $failed
}

foreach ($step in $steps) {
    $line = ($step.Command | ForEach-Object { Format-Argument $_ }) -join ' '
    if ($WhatIf) {
        [Console]::Out.WriteLine($line)
        continue
    }

    if ($step.Kind -eq 'sign') {
        New-Item -ItemType Directory -Force -Path ([System.IO.Path]::GetDirectoryName($step.Check.Image)) | Out-Null
    }
    if ($step.Kind -eq 'slot') {
        $deployment = [ordered]@{ serialport = $Port; files = @($step.Check.Files | ForEach-Object { [ordered]@{ DestinationFilePath = $_.Destination; SourceFilePath = $_.Source } }) }
        Set-Content -LiteralPath $slotJson -Value ($deployment | ConvertTo-Json -Depth 4) -Encoding utf8NoBOM
    }

    [Console]::Out.WriteLine("> $line")
    $exe = $step.Command[0]
    $rest = @($step.Command | Select-Object -Skip 1)
    $captured = [System.Collections.Generic.List[string]]::new()
    if ($step.Kind -eq 'slot') {
        & $exe @rest 2>&1 | ForEach-Object { $s = "$_"; $captured.Add($s); [Console]::Out.WriteLine($s) }
    } else {
        & $exe @rest
    }
    if ($LASTEXITCODE -ne 0) {
        $code = if ($step.Kind -eq 'provision') { $ExitProvisionFailed } else { $ExitStepFailed }
        Stop-Flash $code "step failed with exit code ${LASTEXITCODE}: $line"
    }
    if ($step.Kind -eq 'sign') {
        $signed = (Get-Item -LiteralPath $step.Check.Image -ErrorAction SilentlyContinue)
        if (-not $signed) { Stop-Flash $ExitStepFailed "ota sign wrote no image at '$($step.Check.Image)'" }
        if ($layout) {
            $slotBudget = Get-SlotBudget $layout
            if ($signed.Length -gt $slotBudget) {
                Stop-Flash $ExitDoesNotFit "the signed image is $(Format-Size $signed.Length) but one OTA slot of $layoutName holds $(Format-Size $slotBudget)"
            }
        }
    }
    if ($step.Kind -eq 'slot') {
        $missing = @(Test-FileDeployment $captured.ToArray() $step.Check.Files)
        if ($missing.Count -gt 0) {
            Stop-Flash $ExitStepFailed "nanoff did not report these files as deployed: $($missing -join ', '); nothing boots from slot A until they are (rerun with -SkipFirmware)"
        }
        [Console]::Out.WriteLine("slot A: nanoff reported I:\ota-a.img deployed ($(Format-Size (Get-Item -LiteralPath $slotImage).Length))")
    }
}

exit 0
