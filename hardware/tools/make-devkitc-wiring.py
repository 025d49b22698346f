# Generates hardware/boards/esp32-devkitc/wiring.svg (run from that folder): python3 ../../tools/make-devkitc-wiring.py
# Check the result renders legibly: rsvg-convert -o /tmp/wiring.png wiring.svg
W,H=1160,740
o=[]
a=o.append
RED="#d32f2f"; BLK="#222"; SDA="#1565c0"; SCL="#ef6c00"; DAT="#2e7d32"; INT="#7b1fa2"; BAT="#6d4c41"
a(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="14">')
a('<title>SensorNode wiring: ESP32-DevKitC V4 with DHT22, BME280, ADXL345 and battery divider (board profile esp32-devkitc)</title>')
a(f'<rect width="{W}" height="{H}" fill="#fff"/>')
a(f'<text x="{W/2}" y="32" text-anchor="middle" font-size="20" font-weight="bold">SensorNode on ESP32-DevKitC V4 (board profile esp32-devkitc)</text>')
def box(x,y,w,h,t,s,fill):
    a(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="{fill}" stroke="#333" stroke-width="2"/>')
    a(f'<text x="{x+w/2}" y="{y+24}" text-anchor="middle" font-weight="bold" font-size="16">{t}</text>')
    for i,line in enumerate(s): a(f'<text x="{x+w/2}" y="{y+44+16*i}" text-anchor="middle" font-size="12" fill="#444">{line}</text>')
def pin(x,y,t,side):
    a(f'<circle cx="{x}" cy="{y}" r="5" fill="#fff" stroke="#333" stroke-width="2"/>')
    a(f'<text x="{x+12 if side=="l" else x-12}" y="{y+5}" text-anchor="{"start" if side=="l" else "end"}">{t}</text>')
def wire(pts,c,w=3):
    a(f'<polyline points="{" ".join(f"{x},{y}" for x,y in pts)}" fill="none" stroke="{c}" stroke-width="{w}" stroke-linejoin="round"/>')
def dot(x,y,c): a(f'<circle cx="{x}" cy="{y}" r="5.5" fill="{c}"/>')
def flag(x,y,net,direction):
    """Net flag at the end of a stub: direction = 'l','r','u','d' (where the stub goes from the pin)."""
    c=RED if net=="3V3" else BLK
    dx,dy={"l":(-28,0),"r":(28,0),"u":(0,-28),"d":(0,28)}[direction]
    ex,ey=x+dx,y+dy
    wire([(x,y),(ex,ey)],c)
    if net=="GND":
        if direction in "lr":
            a(f'<line x1="{ex}" y1="{ey-10}" x2="{ex}" y2="{ey+10}" stroke="{c}" stroke-width="3"/>')
            a(f'<line x1="{ex+(-5 if direction=="l" else 5)}" y1="{ey-6}" x2="{ex+(-5 if direction=="l" else 5)}" y2="{ey+6}" stroke="{c}" stroke-width="3"/>')
            a(f'<line x1="{ex+(-10 if direction=="l" else 10)}" y1="{ey-2}" x2="{ex+(-10 if direction=="l" else 10)}" y2="{ey+2}" stroke="{c}" stroke-width="3"/>')
        else:
            s=1 if direction=="d" else -1
            a(f'<line x1="{ex-10}" y1="{ey}" x2="{ex+10}" y2="{ey}" stroke="{c}" stroke-width="3"/>')
            a(f'<line x1="{ex-6}" y1="{ey+5*s}" x2="{ex+6}" y2="{ey+5*s}" stroke="{c}" stroke-width="3"/>')
            a(f'<line x1="{ex-2}" y1="{ey+10*s}" x2="{ex+2}" y2="{ey+10*s}" stroke="{c}" stroke-width="3"/>')
    else:
        if direction in "lr":
            tx=ex-4 if direction=="l" else ex+4
            a(f'<text x="{tx}" y="{ey+5}" text-anchor="{"end" if direction=="l" else "start"}" font-size="13" font-weight="bold" fill="{c}">3V3</text>')
        else:
            a(f'<line x1="{ex-10}" y1="{ey}" x2="{ex+10}" y2="{ey}" stroke="{c}" stroke-width="3"/>')
            a(f'<text x="{ex}" y="{ey-6 if direction=="u" else ey+18}" text-anchor="middle" font-size="13" font-weight="bold" fill="{c}">3V3</text>')
def resv(x,y1,y2,label,c,lside="r"):
    m=(y1+y2)/2
    wire([(x,y1),(x,m-20)],c); wire([(x,m+20),(x,y2)],c)
    a(f'<rect x="{x-8}" y="{m-20}" width="16" height="40" fill="#f5e6c8" stroke="#333" stroke-width="2"/>')
    a(f'<text x="{x+14 if lside=="r" else x-14}" y="{m+5}" font-size="12" text-anchor="{"start" if lside=="r" else "end"}">{label}</text>')
def resh(y,x1,x2,label,c):
    m=(x1+x2)/2
    wire([(x1,y),(m-20,y)],c); wire([(m+20,y),(x2,y)],c)
    a(f'<rect x="{m-20}" y="{y-8}" width="40" height="16" fill="#f5e6c8" stroke="#333" stroke-width="2"/>')
    a(f'<text x="{m}" y="{y-14}" text-anchor="middle" font-size="12">{label}</text>')
def capv(x,y1,label):
    wire([(x,y1),(x,y1+26)],BAT)
    a(f'<line x1="{x-12}" y1="{y1+26}" x2="{x+12}" y2="{y1+26}" stroke="#333" stroke-width="3"/>')
    a(f'<line x1="{x-12}" y1="{y1+34}" x2="{x+12}" y2="{y1+34}" stroke="#333" stroke-width="3"/>')
    a(f'<text x="{x+16}" y="{y1+34}" font-size="12">{label}</text>')
    return y1+34
# ---------------- ESP32
EX,EY,EW,EH=460,80,300,600
box(EX,EY,EW,EH,"ESP32-DevKitC V4",["ESP32-WROOM-32E module","pins in header order (subset)"],"#e8f5e9")
L,R=EX,EX+EW
for t,y in [("3V3",160),("GPIO34 (ADC1_CH6)",260),("GPIO25",400),("GPIO26",440),("GND",600)]: pin(L,y,t,"l")
for t,y in [("GND",200),("GPIO22 (SCL)",300),("GPIO21 (SDA)",360),("GPIO4",600)]: pin(R,y,t,"r")
a(f'<text x="{EX+EW/2}" y="{EY+EH-16}" text-anchor="middle" font-size="12" fill="#444">USB: power, deploy and debug</text>')
flag(L,160,"3V3","l"); flag(L,600,"GND","l"); flag(R,200,"GND","r")
# ---------------- battery divider (top left)
box(30,80,190,200,"Battery (optional)",["1S LiPo, 3.0-4.2 V","measured only"],"#fbe9e7")
pin(220,150,"BAT+","r"); pin(220,250,"BAT-","r")
flag(220,250,"GND","r")
wire([(220,150),(300,150)],BAT)
resv(300,150,220,"R1 100 k",BAT,"r")
dot(300,220,BAT)
wire([(300,220),(420,220),(420,260),(L,260)],BAT)
dot(390,220,BAT)
capv(390,220,"")
a(f'<text x="404" y="300" font-size="12">C 100 n</text>')
flag(390,254,"GND","d")
resv(300,220,300,"R2 100 k",BAT,"r")
flag(300,300,"GND","d")
a(f'<text x="330" y="345" font-size="12" fill="{BAT}">Vbat / 2 to GPIO34</text>')
# ---------------- DHT22 (bottom left)
box(30,380,190,260,"DHT22 / AM2302",["pins 1-4, grille facing you","10 k pull-up on DATA"],"#eef3fb")
pin(220,470,"1 VDD","r"); pin(220,520,"2 DATA","r"); pin(220,560,"3 NC","r"); pin(220,600,"4 GND","r")
flag(220,470,"3V3","r"); flag(220,600,"GND","r")
wire([(220,520),(360,520),(360,400),(L,400)],DAT)
dot(360,440,DAT); wire([(360,440),(L,440)],DAT)
dot(300,520,DAT); resv(300,520,430,"10 k",DAT,"r"); flag(300,430,"3V3","u")
a(f'<text x="232" y="545" font-size="12" fill="{DAT}">to GPIO25 (trigger)</text>')
a(f'<text x="232" y="561" font-size="12" fill="{DAT}">and GPIO26 (RMT echo)</text>')
# ---------------- right side buses
SCLX,SDAX=820,850
box(930,80,200,210,"BME280 breakout",["I2C 0x76 (SDO to GND)","or 0x77 (SDO to 3V3)","CSB to 3V3 = I2C"],"#eef3fb")
for t,y in [("VIN",170),("GND",200),("SCL",230),("SDA",260)]: pin(930,y,t,"l")
flag(930,170,"3V3","l"); flag(930,200,"GND","l")
box(930,380,200,300,"ADXL345 breakout",["I2C 0x53 (SDO to GND)"],"#eef3fb")
for t,y in [("VCC",450),("GND",480),("SCL",510),("SDA",540),("CS",580),("INT1",640)]: pin(930,y,t,"l")
flag(930,450,"3V3","l"); flag(930,480,"GND","l"); flag(930,580,"3V3","l")
wire([(R,300),(SCLX,300)],SCL); wire([(SCLX,230),(930,230)],SCL); wire([(SCLX,510),(930,510)],SCL)
wire([(SCLX,110),(SCLX,510)],SCL); dot(SCLX,300,SCL); dot(SCLX,230,SCL)
wire([(R,360),(SDAX,360)],SDA); wire([(SDAX,260),(930,260)],SDA); wire([(SDAX,540),(930,540)],SDA)
wire([(SDAX,110),(SDAX,540)],SDA); dot(SDAX,360,SDA); dot(SDAX,260,SDA)
# pull-ups at top of the buses
resv(SCLX,100,200,"",SCL); resv(SDAX,100,200,"",SDA)
flag(SCLX,100,"3V3","u"); flag(SDAX,100,"3V3","u")
a(f'<text x="864" y="140" font-size="12">4.7 k x 2</text>')
# INT1 to GPIO27 under the ESP box
wire([(930,640),(880,640),(880,600),(R,600)],INT)
a(f'<text x="770" y="660" font-size="12" fill="{INT}" font-weight="bold">INT1 to GPIO4</text>')
a(f'<text x="770" y="676" font-size="12" fill="{INT}">(RTC GPIO, wake-capable)</text>')
# legend
ly=H-18
x=30
for c,t in [(RED,"3V3"),(BLK,"GND"),(SDA,"I2C SDA"),(SCL,"I2C SCL"),(DAT,"DHT22 data"),(INT,"ADXL345 INT1"),(BAT,"battery sense")]:
    a(f'<line x1="{x}" y1="{ly}" x2="{x+28}" y2="{ly}" stroke="{c}" stroke-width="4"/>'); a(f'<text x="{x+34}" y="{ly+5}" font-size="13">{t}</text>'); x+=140
a(f'<text x="1130" y="{ly+5}" text-anchor="end" font-size="12" fill="#444">dot = junction</text>')
a('</svg>')
open('wiring.svg','w').write("\n".join(o))
