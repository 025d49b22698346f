using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace SensorNode.Tests.Mqtt;

/// <summary>
/// Home Assistant's documented MQTT discovery fields for the components SensorNode uses
/// (https://www.home-assistant.io/integrations/sensor.mqtt/ and binary_sensor.mqtt/, "Configuration
/// variables"), written down as checks: required keys, JSON types, allowed values, availability payloads.
/// </summary>
internal static class DiscoverySchema
{
    // Documented keys we may use (full names; HA also accepts abbreviations, which we do not emit).
    private static readonly HashSet<string> SensorKeys = new()
    {
        "availability", "availability_mode", "availability_template", "availability_topic", "device", "device_class",
        "enabled_by_default", "encoding", "entity_category", "expire_after", "force_update", "icon", "json_attributes_template",
        "json_attributes_topic", "last_reset_value_template", "name", "object_id", "payload_available", "payload_not_available",
        "platform", "qos", "state_class", "state_topic", "suggested_display_precision", "unique_id", "unit_of_measurement",
        "value_template", "default_entity_id", "options",
    };

    private static readonly HashSet<string> BinarySensorKeys = new()
    {
        "availability", "availability_mode", "availability_template", "availability_topic", "device", "device_class",
        "enabled_by_default", "encoding", "entity_category", "expire_after", "force_update", "icon", "json_attributes_template",
        "json_attributes_topic", "name", "object_id", "off_delay", "payload_available", "payload_not_available", "payload_off",
        "payload_on", "platform", "qos", "state_topic", "unique_id", "value_template", "default_entity_id",
    };

    // A subset of HA's SensorDeviceClass / BinarySensorDeviceClass values, enough to reject typos.
    private static readonly HashSet<string> SensorDeviceClasses = new() { "temperature", "humidity", "atmospheric_pressure", "pressure", "voltage", "signal_strength", "battery" };
    private static readonly HashSet<string> BinaryDeviceClasses = new() { "problem", "vibration", "safety", "connectivity" };
    private static readonly HashSet<string> DeviceKeys = new() { "identifiers", "connections", "name", "model", "manufacturer", "sw_version", "hw_version", "configuration_url", "suggested_area", "via_device", "serial_number", "model_id" };

    /// <summary>Every way <paramref name="config"/> breaks the documented schema of <paramref name="component"/>.</summary>
    public static List<string> Check(string component, JsonElement config, string baseTopic)
    {
        var errors = new List<string>();
        HashSet<string> keys = component == "sensor" ? SensorKeys : component == "binary_sensor" ? BinarySensorKeys : new HashSet<string>();
        if (keys.Count == 0)
        {
            errors.Add("unexpected component " + component);
            return errors;
        }

        foreach (JsonProperty p in config.EnumerateObject())
        {
            if (!keys.Contains(p.Name))
            {
                errors.Add($"key '{p.Name}' is not a documented {component} option");
            }
        }

        String(config, "state_topic", required: true, errors);
        if (config.TryGetProperty("state_topic", out JsonElement st) && st.ValueKind == JsonValueKind.String && st.GetString() != baseTopic + "/state")
        {
            errors.Add("state_topic is not <base>/state");
        }

        foreach (string k in new[] { "name", "unique_id", "value_template" })
        {
            String(config, k, required: true, errors);
        }

        String(config, "device_class", required: false, errors);
        if (config.TryGetProperty("device_class", out JsonElement dc) && !(component == "sensor" ? SensorDeviceClasses : BinaryDeviceClasses).Contains(dc.GetString() ?? string.Empty))
        {
            errors.Add($"device_class '{dc}' is not a {component} device class");
        }

        if (component == "sensor")
        {
            String(config, "unit_of_measurement", required: false, errors);
            if (config.TryGetProperty("state_class", out JsonElement sc) && sc.GetString() is not ("measurement" or "total" or "total_increasing"))
            {
                errors.Add("state_class must be measurement, total or total_increasing");
            }
        }
        else
        {
            String(config, "payload_on", required: true, errors);
            String(config, "payload_off", required: true, errors);
        }

        if (!config.TryGetProperty("expire_after", out JsonElement ea) || ea.ValueKind != JsonValueKind.Number || !ea.TryGetInt32(out int expire) || expire <= 0)
        {
            errors.Add("expire_after must be a positive integer (seconds)");
        }

        if (!config.TryGetProperty("availability", out JsonElement av) || av.ValueKind != JsonValueKind.Array || av.GetArrayLength() == 0)
        {
            errors.Add("availability must be a non-empty list");
        }
        else
        {
            foreach (JsonElement a in av.EnumerateArray())
            {
                foreach (JsonProperty p in a.EnumerateObject())
                {
                    if (p.Name is not ("topic" or "payload_available" or "payload_not_available" or "value_template"))
                    {
                        errors.Add($"availability key '{p.Name}' is not documented");
                    }
                }

                String(a, "topic", required: true, errors);
                if (a.TryGetProperty("topic", out JsonElement t) && t.GetString() != baseTopic + "/status")
                {
                    errors.Add("availability topic is not <base>/status");
                }

                if (!a.TryGetProperty("payload_available", out JsonElement pa) || pa.GetString() != "online")
                {
                    errors.Add("payload_available must be 'online'");
                }

                if (!a.TryGetProperty("payload_not_available", out JsonElement pn) || pn.GetString() != "offline")
                {
                    errors.Add("payload_not_available must be 'offline'");
                }
            }
        }

        if (!config.TryGetProperty("device", out JsonElement device) || device.ValueKind != JsonValueKind.Object)
        {
            errors.Add("device block missing");
        }
        else
        {
            foreach (JsonProperty p in device.EnumerateObject())
            {
                if (!DeviceKeys.Contains(p.Name))
                {
                    errors.Add($"device key '{p.Name}' is not documented");
                }
            }

            if (!device.TryGetProperty("identifiers", out JsonElement ids) || ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0
                || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            {
                errors.Add("device.identifiers must be a non-empty list of strings");
            }

            foreach (string k in new[] { "model", "sw_version", "name", "manufacturer" })
            {
                String(device, k, required: true, errors);
            }
        }

        return errors;
    }

    private static void String(JsonElement e, string key, bool required, List<string> errors)
    {
        if (!e.TryGetProperty(key, out JsonElement v))
        {
            if (required)
            {
                errors.Add($"'{key}' is required");
            }
        }
        else if (v.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(v.GetString()))
        {
            errors.Add($"'{key}' must be a non-empty string");
        }
    }
}
