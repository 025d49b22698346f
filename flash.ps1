#!/usr/bin/env pwsh
<#
.SYNOPSIS
  Flashes an ESP32 with the nanoFramework runtime, deploys SensorNode and optionally provisions it.

.DESCRIPTION
  Steps, in order (each can be skipped):
    1. nanoff: use the one given with -Nanoff, else the repo's local tool manifest (.config/dotnet-tools.json),
       else PATH, else ~/.dotnet/tools (or -NanoffToolPath); otherwise install it with
       'dotnet tool install --global nanoff' (or --tool-path DIR), unless -NoInstall.
    2. Runtime:  nanoff --update --target T --serialport P
    3. App:      nanoff --target T --serialport P --deploy --image <App>.bin --address 0x1E0000 --reset
                 (or, with -DeployVia NanoDevice: nanoff --nanodevice --deploy --serialport P --image <App>.bin)
       The deployment image <App>.bin is what Visual Studio writes next to an Exe .nfproj's output; it holds
       the application's .pe files and every .pe they reference. 0x1E0000 is the deployment partition of
       current 4 MB ESP32 images (partitions_nanoclr_4mb.csv); nanoff's built-in default (0x1B0000) is
       wrong for them. Check your firmware's partition table, or let the device say with -DeployVia NanoDevice.
    4. Provisioning (only with -Config): sensornode provision --port PP --config node.json [...]
       over a second UART (-ProvisionPort), or sensornode provision --via-nanoff --port P ... over USB.

  -WhatIf prints every command, one per line, exactly as it would run, and runs nothing.

  Exit codes: 0 done; 2 bad or conflicting parameters; 3 no serial port; 4 unknown target;
  5 no build output (deployment image missing); 6 no nanoff (and not allowed or not able to install it);
  7 a provisioning input file is missing; 8 a nanoff or dotnet step failed; 9 provisioning failed.

.EXAMPLE
  ./flash.ps1 -Port COM5 -Target ESP32_REV3
.EXAMPLE
  ./flash.ps1 -Port /dev/ttyUSB0 -Target ESP32_PSRAM_REV3 -Config node.json -Ca ca.pem -WhatIf
#>
[CmdletBinding(PositionalBinding = $false)]
param(
    # Serial port of the board's USB connection (COM5, /dev/ttyUSB0).
    [string]$Port,
    # nanoFramework firmware target; must be one of the known ESP32 targets below.
    [string]$Target,
    # Build configuration whose output is deployed.
    [string]$Configuration = 'Release',
    # Name of the Exe project (and of its deployment image <name>.bin). SensorNode.Device runs the node
    # directly. SensorNode.Loader instead boots signed A/B images from I:\ (docs/spec/ota-slots.md); it needs
    # a first signed image in slot A (sensornode ota sign, then nanoff --filedeployment to I:\ota-a.img).
    [string]$Application = 'SensorNode.Device',
    # Folder holding <Application>.bin; default firmware/<Application>/bin/<Configuration>.
    [string]$BuildOutput,
    # Explicit deployment image (.bin); overrides -Application and -BuildOutput.
    [string]$Image,
    # Address: flash the image at -Address with esptool; NanoDevice: ask the running nanoCLR where.
    [string]$DeployVia = 'Address',
    # Start of the deployment partition (hex) in the firmware's partition table.
    [string]$Address = '0x1E0000',
    # Firmware version passed to nanoff --fwversion (default: nanoff's latest stable).
    [string]$FirmwareVersion,
    # Erase the whole flash (including the I:\ file system) before flashing the runtime.
    [switch]$MassErase,
    [switch]$SkipFirmware,
    [switch]$SkipDeploy,
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

# Classic ESP32 targets whose 4 MB images use the deployment partition at 0x1E0000
# (nanoframework.github.io reference-targets/esp32.md and device reports).
$KnownTargets = @(
    'ESP32_REV0', 'ESP32_REV3', 'ESP32_PSRAM_REV0', 'ESP32_PSRAM_REV3', 'ESP32_BLE_REV0',
    'ESP32_WROVER_KIT', 'ESP_WROVER_KIT', 'ESP32_PICO', 'ESP32_LILYGO',
    'ESP32_REV0_ILI9342', 'ESP32_PSRAM_REV3_ILI9341', 'ESP32_PSRAM_REV3_ILI9342'
)

$ExitUsage = 2; $ExitNoPort = 3; $ExitUnknownTarget = 4; $ExitNoBuildOutput = 5
$ExitNoNanoff = 6; $ExitMissingFile = 7; $ExitStepFailed = 8; $ExitProvisionFailed = 9

function Stop-Flash([int]$code, [string]$message) {
    [Console]::Error.WriteLine("flash.ps1: $message")
    exit $code
}

function Get-FullPath([string]$path) {
    return [System.IO.Path]::GetFullPath($path, (Get-Location).ProviderPath)
}

function Format-Argument([string]$arg) {
    if ($arg -match '^[A-Za-z0-9_\-\.:/\\=,+@%]+$') { return $arg }
    return "'" + ($arg -replace "'", "''") + "'"
}

$RepoRoot = $PSScriptRoot
$steps = [System.Collections.Generic.List[object]]::new()
function Add-Step([string]$kind, [string[]]$command) { $steps.Add([pscustomobject]@{ Kind = $kind; Command = $command }) }

# --- validate everything before running anything -------------------------------------------------
if ($Unrecognized) {
    Stop-Flash $ExitUsage "unknown parameter or stray value '$($Unrecognized[0])'; run 'Get-Help ./flash.ps1 -Detailed' for the parameters"
}

if ([string]::IsNullOrWhiteSpace($Port)) {
    Stop-Flash $ExitNoPort "no serial port: pass -Port (e.g. -Port COM5 or -Port /dev/ttyUSB0); 'nanoff --listports' lists them"
}

if ($DeployVia -notin @('Address', 'NanoDevice')) {
    Stop-Flash $ExitUsage "-DeployVia must be Address or NanoDevice, got '$DeployVia'"
}

if ($SkipFirmware -and $SkipDeploy -and -not $Config) {
    Stop-Flash $ExitUsage "nothing to do: -SkipFirmware and -SkipDeploy given without -Config"
}

$needsTarget = (-not $SkipFirmware) -or (-not $SkipDeploy -and $DeployVia -eq 'Address')
if ($needsTarget) {
    if ([string]::IsNullOrWhiteSpace($Target)) {
        Stop-Flash $ExitUnknownTarget "no target: pass -Target, one of $($KnownTargets -join ', ')"
    }
    if ($Target -cnotin $KnownTargets -and -not $AllowUnlistedTarget) {
        Stop-Flash $ExitUnknownTarget "unknown target '$Target': use one of $($KnownTargets -join ', '), or check 'nanoff --listtargets --platform esp32' and pass -AllowUnlistedTarget"
    }
}

if ($PSBoundParameters.ContainsKey('Address')) {
    if ($DeployVia -ne 'Address') {
        Stop-Flash $ExitUsage "-Address applies to -DeployVia Address only; NanoDevice reads the address from the device"
    }
    if ($Address -notmatch '^0x[0-9A-Fa-f]{1,8}$') {
        Stop-Flash $ExitUsage "-Address must be hexadecimal like 0x1E0000, got '$Address'"
    }
}

$imagePath = $null
if (-not $SkipDeploy) {
    if ($Image) {
        $imagePath = Get-FullPath $Image
    } else {
        $folder = if ($BuildOutput) { Get-FullPath $BuildOutput } else { Join-Path $RepoRoot "firmware/$Application/bin/$Configuration" }
        $imagePath = Join-Path $folder "$Application.bin"
    }
    if (-not (Test-Path -LiteralPath $imagePath -PathType Leaf)) {
        Stop-Flash $ExitNoBuildOutput "no build output: '$imagePath' not found; build the device solution (SensorNode.Device.sln, $Configuration) in Visual Studio with the nanoFramework extension (docs/device-build.md), or pass -Image or -BuildOutput"
    }
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

# --- nanoff -------------------------------------------------------------------------------------
$usesNanoff = (-not $SkipFirmware) -or (-not $SkipDeploy)
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
            $nanoffCommand = @('nanoff')
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
    if ($DeployVia -eq 'Address') {
        Add-Step 'nanoff' ($nanoffCommand + @('--target', $Target, '--serialport', $Port, '--deploy', '--image', $imagePath, '--address', $Address.ToUpperInvariant().Replace('0X', '0x'), '--reset'))
    } else {
        Add-Step 'nanoff' ($nanoffCommand + @('--nanodevice', '--deploy', '--serialport', $Port, '--image', $imagePath))
    }
}

if ($Config) {
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
    $provision = @('provision')
    if ($ProvisionPort) { $provision += @('--port', $ProvisionPort) } else { $provision += @('--via-nanoff', '--port', $Port) }
    foreach ($option in $provisionFiles.Keys) {
        if ($provisionFiles[$option]) { $provision += @($option, $provisionFiles[$option]) }
    }
    Add-Step 'provision' ($cli + $provision)
}

# --- print or run ---------------------------------------------------------------------------------
foreach ($step in $steps) {
    $line = ($step.Command | ForEach-Object { Format-Argument $_ }) -join ' '
    if ($WhatIf) {
        [Console]::Out.WriteLine($line)
        continue
    }

    [Console]::Out.WriteLine("> $line")
    $exe = $step.Command[0]
    $rest = @($step.Command | Select-Object -Skip 1)
    & $exe @rest
    if ($LASTEXITCODE -ne 0) {
        $code = if ($step.Kind -eq 'provision') { $ExitProvisionFailed } else { $ExitStepFailed }
        Stop-Flash $code "step failed with exit code ${LASTEXITCODE}: $line"
    }
}

exit 0
