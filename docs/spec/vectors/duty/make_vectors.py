#!/usr/bin/env python3
"""Generates the named vectors of docs/spec/retained-state.md §8 from the spec alone (independent of the C#
code; CRC from zlib). Run from this directory: python3 make_vectors.py"""
import struct, zlib

def record(kind, payload):
    body = bytes([kind, len(payload)]) + payload
    return body + struct.pack('<I', zlib.crc32(body) & 0xFFFFFFFF)

def header(version=1, magic=b'SNDL'):
    return record(0x48, magic + struct.pack('<HH', version, 0))

def reading(seq, unix_ms, values, statuses, anomaly):
    return record(0x52, struct.pack('<Iq5i5BB', seq, unix_ms, *values, *statuses, anomaly))

def checkpoint(released, next_seq, boots=1, wakes=0, radio=0, dropped=0, faults=0, torn=0, cycle=0,
               deadline=0, failures=0, allowed=0, last_radio=0, jitter=0, target=0, unix=False, status=0):
    return record(0x43, struct.pack('<14Iq2B', released, next_seq, boots, wakes, radio, dropped, faults, torn,
                                    cycle, deadline, failures, allowed, last_radio, jitter, target,
                                    1 if unix else 0, status))

R1 = reading(1, 1767225600000, [2150, 4530, 101325, 0, 0], [0, 0, 0, 5, 5], 0)
R2 = reading(2, 1767225900000, [2161, 4522, 101319, 0, 0], [0, 0, 0, 5, 5], 1)
C1 = checkpoint(0, 2, wakes=1, target=1767225900000, unix=True)
C2 = checkpoint(0, 3, wakes=2, target=1767226200000, unix=True)
H = header()
vectors = {
    'header-v1': H,
    'reading-basic': R1,
    'checkpoint-basic': C1,
    'log-two-wakes': H + R1 + C1 + R2 + C2,
    'log-torn-reading': H + R1 + C1 + R2[:20],
    'log-torn-checkpoint': H + R1 + C1 + R2 + C2[:30],
    'log-bad-crc': H + R1[:10] + bytes([R1[10] ^ 0x01]) + R1[11:] + C1,
    'log-unknown-kind': H + bytes([0x5A]) + R1[1:] + C1,
    'log-bad-length': H + bytes([R1[0], 37]) + R1[2:] + C1,
    'log-bad-magic': header(magic=b'SNDX') + R1 + C1,
    'log-unsupported-version': header(version=2) + R1 + C1,
    'log-misplaced-header': R1 + C1,
    'log-second-header': H + R1 + H + C1,
    'log-sequence-not-increasing': H + R2 + R1 + C1,
    # §10 always-on state: seq.bin for next seq 4242; pending.bin holding the MQTT vector
    # batch_two_readings_anomaly_and_faults (mqtt.md §5) after its u16 length.
    'always-on-seq': struct.pack('<q', 4242),
    'always-on-pending': (lambda b: struct.pack('<H', len(b)) + b)(
        bytes.fromhex(open('../mqtt/batch_two_readings_anomaly_and_faults.hex').read().strip())),
}
for name, data in vectors.items():
    with open(name + '.hex', 'w') as f:
        f.write(data.hex() + '\n')
