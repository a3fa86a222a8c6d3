"""Word lists the demo generator draws from: names, places, products, message texts."""

from __future__ import annotations

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建华建国志强桂兰"
    "晨阳子涵浩然欣怡梓萱一诺宇轩雨桐思远佳琪俊杰晓东海燕文博"
)
GIVEN_CHARS = [c for c in GIVEN]
EN_FIRST = [
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Susan",
    "Oliver",
    "Emma",
    "Noah",
    "Sophia",
    "Lucas",
    "Mia",
    "Ethan",
    "Chloe",
    "Liam",
    "Grace",
    "Mateo",
    "Hannah",
    "Aiko",
    "Min-jun",
    "Priya",
]
EN_LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Taylor",
    "Anderson",
    "Thomas",
    "Moore",
    "Martin",
    "Lee",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nguyen",
    "Tanaka",
    "Patel",
]

# (province, city, district, postcode prefix)
PLACES = [
    ("广东省", "深圳市", "南山区", "5180"),
    ("广东省", "广州市", "天河区", "5106"),
    ("广东省", "东莞市", "松山湖", "5238"),
    ("上海市", "上海市", "浦东新区", "2001"),
    ("上海市", "上海市", "徐汇区", "2000"),
    ("北京市", "北京市", "朝阳区", "1000"),
    ("北京市", "北京市", "海淀区", "1000"),
    ("浙江省", "杭州市", "西湖区", "3100"),
    ("浙江省", "宁波市", "鄞州区", "3151"),
    ("江苏省", "南京市", "鼓楼区", "2100"),
    ("江苏省", "苏州市", "工业园区", "2150"),
    ("四川省", "成都市", "武侯区", "6100"),
    ("湖北省", "武汉市", "洪山区", "4300"),
    ("陕西省", "西安市", "雁塔区", "7100"),
    ("山东省", "青岛市", "市南区", "2660"),
    ("福建省", "厦门市", "思明区", "3610"),
    ("湖南省", "长沙市", "岳麓区", "4100"),
    ("重庆市", "重庆市", "渝北区", "4011"),
    ("天津市", "天津市", "和平区", "3000"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "8300"),
]
ROADS = [
    "科技园南",
    "人民",
    "中山",
    "解放",
    "建设",
    "学府",
    "滨海大道",
    "文三",
    "长江",
    "黄河",
    "世纪大道",
    "南京东",
    "延安西",
    "高新",
    "天府大道",
    "珞喻",
    "东风",
    "花园",
    "青年",
    "友谊",
]
COMMUNITIES = [
    "阳光花园",
    "万科城",
    "碧桂园",
    "翠湖苑",
    "世纪新城",
    "龙湖天街",
    "保利香槟国际",
    "绿地海珀",
    "华润城润府",
    "金地名峰",
]
EN_CITIES = [
    ("CA", "San Francisco", "94105"),
    ("NY", "New York", "10001"),
    ("WA", "Seattle", "98101"),
    ("ENG", "London", "EC1A 1BB"),
    ("BC", "Vancouver", "V6B 1A1"),
]

# (name, English name, grams or None, (l, w, h) mm, fragile, liquid, bulky, battery, price)
PRODUCTS = [
    ("无线蓝牙耳机", "Wireless earbuds", 180, (120, 90, 45), False, False, False, True, "199.00"),
    ("保温杯 500ml", "Vacuum flask 500 ml", 420, (230, 80, 80), False, False, False, False, "89.00"),
    ("玻璃花瓶", "Glass vase", 950, (300, 150, 150), True, False, False, False, "129.00"),
    ("橄榄油 1L", "Olive oil 1 L", 1080, (290, 85, 85), True, True, False, False, "79.90"),
    ("洗发水 750ml", "Shampoo 750 ml", 820, (250, 90, 60), False, True, False, False, "59.90"),
    ("瑜伽垫", "Yoga mat", 1200, (620, 160, 160), False, False, True, False, "119.00"),
    ("机械键盘", "Mechanical keyboard", 1050, (460, 160, 50), False, False, False, False, "399.00"),
    ("手机壳", "Phone case", 45, (170, 90, 15), False, False, False, False, "39.00"),
    ("充电宝 10000mAh", "Power bank 10000 mAh", 230, (140, 70, 25), False, False, False, True, "129.00"),
    ("陶瓷餐具套装", "Ceramic dinner set", 3200, (400, 300, 200), True, False, True, False, "299.00"),
    ("绿茶 250g", "Green tea 250 g", 280, (150, 100, 80), False, False, False, False, "68.00"),
    ("儿童绘本", "Picture book", 350, (260, 210, 10), False, False, False, False, "45.00"),
    ("运动袜 5双装", "Sports socks 5 pairs", 250, (220, 160, 40), False, False, False, False, "49.90"),
    ("香水 50ml", "Eau de parfum 50 ml", 310, (110, 80, 60), True, True, False, False, "459.00"),
    ("电动牙刷", "Electric toothbrush", 260, (250, 70, 50), False, False, False, True, "269.00"),
    ("台灯", "Desk lamp", 1400, (420, 200, 160), True, False, True, False, "159.00"),
    ("羽绒服", "Down jacket", 900, (400, 300, 100), False, False, True, False, "699.00"),
    ("蜂蜜 500g", "Honey 500 g", 620, (140, 80, 80), True, True, False, False, "88.00"),
    ("数据线 1m", "USB-C cable 1 m", 40, (120, 80, 20), False, False, False, False, "29.90"),
    ("不锈钢锅", "Stainless pot", 2100, (350, 300, 180), False, False, True, False, "239.00"),
    ("面膜 10片", "Sheet masks x10", 300, (200, 150, 30), False, True, False, False, "99.00"),
    ("智能手表", "Smart watch", 150, (110, 90, 80), True, False, False, True, "899.00"),
    ("帆布包", "Canvas tote bag", 200, (380, 300, 20), False, False, False, False, "69.00"),
    ("咖啡豆 454g", "Coffee beans 454 g", 480, (200, 120, 70), False, False, False, False, "118.00"),
    ("新品试样", "New sample (weight unknown)", None, (150, 100, 60), False, False, False, False, "19.90"),
]
VARIANTS = [("黑色", "black"), ("白色", "white"), ("蓝色", "blue"), ("红色", "red"), ("大号", "large"),
            ("小号", "small"), ("标准版", "standard"), ("礼盒装", "gift box")]

CARRIERS = [
    ("SF", "顺丰标快"),
    ("YTO", "圆通快递"),
    ("ZTO", "中通快递"),
    ("JD", "京东快递"),
    ("EMS", "EMS 标准快递"),
]
TRACKING_STEPS = [
    ("picked_up", "已揽收", "快件已由揽收员揽收"),
    ("in_transit", "运输中", "快件已到达转运中心"),
    ("in_transit", "运输中", "快件已从转运中心发出"),
    ("out_for_delivery", "派送中", "快件正在派送中，派送员：李师傅"),
    ("delivered", "已签收", "快件已签收，签收人：本人"),
]
INBOUND_TEXTS = [
    ("logistics", "我的快递到哪里了？订单号 {order}"),
    ("logistics", "Where is my parcel? Order {order}"),
    ("return", "收到的商品有破损，想申请退货"),
    ("return", "How do I return an item from order {order}?"),
    ("quality", "商品质量有问题，和描述不符"),
    ("payment", "付款失败了但是钱被扣了"),
    ("general", "请问什么时候发货？"),
    ("general", "When will my order ship?"),
]
OUTBOUND_TEXTS = [
    "您好，已为您查询，包裹正在派送中，请保持电话畅通。",
    "Hello, your parcel is on its way and should arrive within 2 days.",
    "非常抱歉给您带来不便，已为您登记退货，请在7天内寄回。",
    "We're sorry for the trouble; a refund has been issued to your original payment method.",
]
