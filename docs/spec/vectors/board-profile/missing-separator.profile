board=vector
i2c_bus=1
i2c_sda_pin 21
i2c_scl_pin=22
dht22_echo_pin=26
dht22_trigger_pin=25
adxl345_address=0x53
sleep_current_ua=10
active_current_ma=100
tx_current_ma=240
