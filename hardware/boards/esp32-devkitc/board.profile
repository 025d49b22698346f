# SensorNode board profile (format: docs/spec/board-profile.md)
# Espressif ESP32-DevKitC V4 (ESP32-WROOM-32E), wiring: hardware/boards/esp32-devkitc/README.md
board = esp32-devkitc
i2c_bus = 1
i2c_sda_pin = 21
i2c_scl_pin = 22
dht22_echo_pin = 26
dht22_trigger_pin = 25
adxl345_address = 0x53
adxl345_int1_pin = 4
adxl345_axis = z
battery_adc_pin = 34
battery_divider_ratio_milli = 2000
# Whole-board estimates for the power model (hardware/boards/esp32-devkitc/power.md); measure yours.
sleep_current_ua = 6000
active_current_ma = 110
tx_current_ma = 250
