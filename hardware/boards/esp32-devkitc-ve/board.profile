# SensorNode board profile (format: docs/spec/board-profile.md)
# Espressif ESP32-DevKitC-VE (ESP32-WROVER-E, 8 MB flash, 8 MB PSRAM): the updatable reference board.
# Firmware target ESP32_PSRAM_REV3; wiring as the DevKitC: hardware/boards/esp32-devkitc-ve/README.md
board = esp32-devkitc-ve
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
# Whole-board estimates for the power model (as the DevKitC V4, plus the PSRAM); measure yours.
sleep_current_ua = 6000
active_current_ma = 115
tx_current_ma = 250
# Updates (docs/spec/ota-slots.md, slot budget): the managed heap lives in the 8 MB PSRAM;
# I:\ is 2 MB on 8 MB flash (partitions_nanoclr_8mb.csv): 256 KB for state, 2 x 896 KB slots.
psram_kb = 8192
ota_slot_kb = 896
