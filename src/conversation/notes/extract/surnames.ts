// Chinese surnames common enough to start a person's name in a note (compound ones first).
// Characters that are mostly function words in business text (和, 于 as in 关于 ...) are left out
// on purpose: a missed rare surname costs a question, a false one invents a person.
export const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '端木', '独孤', '南宫', '西门'];

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
  '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';

export const SINGLE_SURNAMES = new Set([...SINGLE].filter((c) => !'和时全明'.includes(c)));

/** The surname a name starts with (compound surnames first), or undefined. */
export function surnameOf(name: string): string | undefined {
  for (const c of COMPOUND_SURNAMES) if (name.startsWith(c)) return c;
  const first = name[0];
  return first && SINGLE_SURNAMES.has(first) ? first : undefined;
}

/** Characters that never stand in a given name: function words and the first characters of titles (一 does: 一鸣; 一起 / 一下 are words the segmenter keeps whole). */
export const NOT_IN_GIVEN_NAME = new Set([...'的了和与及跟同对在是为把被说讲谈聊等也都就又还总董副经部处科院主任工程师监书记局厂们他她它这那我你新前现各位个和、请约见访问']);

/** Two-character words that look like surname + given name but are not names. */
export const NOT_A_NAME = new Set([
  '方案', '关注', '项目', '金额', '计划', '高兴', '时间', '安排', '表示', '成本', '程序', '全面', '常务', '向我', '于是', '高层', '高端', '周期', '方面',
  '方向', '方式', '关于', '关系', '关键', '马上', '石油', '金融', '安全', '江南', '西山', '北方', '东方', '华东', '华南', '华北', '华中', '成交',
  '成立', '成功', '成为', '单位', '陆续', '白天', '钱款', '周五', '周一', '周二', '周三', '周四', '周六', '周日', '周末', '周内', '邮件', '电话', '程度',
  '宁可', '齐全', '龙头', '余额', '章程', '季度', '季节', '任务', '任何', '应该', '包括', '包装', '强调', '简单', '康复', '谢谢', '曾经', '范围', '孔径',
  '左右', '邱总', '段时', '史上', '万元', '千万', '百万', '亿元', '付款', '费用', '费率', '毛利', '价格', '卢布', '贺电', '罗列', '胡乱', '叶片', '林业',
  '杨柳', '苏州', '吴江', '徐州', '郑州', '温州', '常州', '蒋村', '江苏', '江西', '湖南', '向前', '向后', '齐心', '严格', '严重', '申请', '管理', '管道',
  '蓝海', '路桥', '谷歌', '车辆', '车间', '项总',
]);
