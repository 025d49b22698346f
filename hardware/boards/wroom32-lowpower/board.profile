# SensorNode board profile (format: docs/spec/board-profile.md)
# Bare ESP32-WROOM-32E on a carrier with an RT9080-33 LDO, no USB-UART, no LED, no DHT22.
# Wiring and rationale: hardware/boards/wroom32-lowpower/README.md
board = wroom32-lowpower
i2c_bus = 1
i2c_sda_pin = 21
i2c_scl_pin = 22
dht22_echo_pin = -1
dht22_trigger_pin = -1
adxl345_address = 0x53
adxl345_int1_pin = 4
adxl345_axis = z
battery_adc_pin = 34
battery_divider_ratio_milli = 2000
# Estimates for the power model (hardware/boards/wroom32-lowpower/README.md); measure yours.
sleep_current_ua = 16
active_current_ma = 100
tx_current_ma = 240
