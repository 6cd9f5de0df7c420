// Who and what the demo world is about: the sales organisation and the accounts, each account with
// the story its data tells (which alert it should raise today). Data, not interface text.

export interface DemoUser {
  id: string;
  name: string;
  role: 'sales' | 'manager' | 'admin';
  managerId?: string;
  email?: string;
}

/** director → 2 managers → 6 salespeople, plus a solution expert (SR) and a delivery manager (FR) per team. */
export const USERS: DemoUser[] = [
  { id: 'u_admin', name: '系统管理员', role: 'admin' },
  { id: 'u_zhou', name: '周建华', role: 'manager' },
  { id: 'u_chen', name: '陈志强', role: 'manager', managerId: 'u_zhou' },
  { id: 'u_huang', name: '黄晓明', role: 'manager', managerId: 'u_zhou' },
  { id: 'u_zhang', name: '张伟', role: 'sales', managerId: 'u_chen' },
  { id: 'u_li', name: '李娜', role: 'sales', managerId: 'u_chen' },
  { id: 'u_liu', name: '刘洋', role: 'sales', managerId: 'u_chen' },
  { id: 'u_sun', name: '孙浩', role: 'sales', managerId: 'u_huang' },
  { id: 'u_ma', name: '马丽', role: 'sales', managerId: 'u_huang' },
  { id: 'u_guo', name: '郭涛', role: 'sales', managerId: 'u_huang' },
  { id: 'u_wang', name: '王磊', role: 'sales', managerId: 'u_chen' },
  { id: 'u_zhao', name: '赵敏', role: 'sales', managerId: 'u_chen' },
  { id: 'u_gao', name: '高峰', role: 'sales', managerId: 'u_huang' },
  { id: 'u_he', name: '何静', role: 'sales', managerId: 'u_huang' },
];

/** The solution expert (SR) and delivery manager (FR) of each manager's team. */
export const SPECIALISTS: Record<string, { sr: string; fr: string }> = {
  u_chen: { sr: 'u_wang', fr: 'u_zhao' },
  u_huang: { sr: 'u_gao', fr: 'u_he' },
};

/**
 * What an account's data leads to today:
 * steady — regular contact at every level; exec_silence — no executive met for ~6 weeks;
 * cooling — went quiet and has an open complaint (health drops); expiring — a contract ends soon
 * with nothing in the pipeline; budget_lag — orders far behind the budget; complaint — an open
 * high-severity complaint; overdue — a promised next step is past due; no_dm — no decision maker
 * known; stalled — a proposal untouched for a month.
 */
export type Story = 'steady' | 'exec_silence' | 'cooling' | 'expiring' | 'budget_lag' | 'complaint' | 'overdue' | 'no_dm' | 'stalled';

export interface DemoAccount {
  id: string;
  name: string;
  aliases?: string;
  parentId?: string;
  industry: string;
  region: string;
  tier: 'S' | 'A' | 'B' | 'C';
  strategic: 'high' | 'low';
  owner: string;
  story: Story;
  english?: boolean;
}

const acc = (id: string, name: string, aliases: string, industry: string, region: string, tier: DemoAccount['tier'], owner: string, story: Story, more: Partial<DemoAccount> = {}): DemoAccount => ({
  id,
  name,
  aliases: aliases || undefined,
  industry,
  region,
  tier,
  strategic: tier === 'S' || tier === 'A' ? 'high' : 'low',
  owner,
  story,
  ...more,
});

export const ACCOUNTS: DemoAccount[] = [
  // Group 1: a construction group and its subsidiaries.
  acc('A100', '中建华东工程集团', '中建华东;华东工程', '建筑工程', '华东', 'S', 'u_zhang', 'complaint'),
  acc('A101', '中建华东第一工程公司', '华东一公司', '建筑工程', '华东', 'B', 'u_zhang', 'steady', { parentId: 'A100' }),
  acc('A102', '中建华东第二工程公司', '华东二公司', '建筑工程', '华东', 'B', 'u_zhang', 'steady', { parentId: 'A100' }),
  acc('A103', '中建华东安装工程公司', '华东安装', '建筑工程', '华东', 'C', 'u_liu', 'steady', { parentId: 'A100' }),
  // Group 2: a mining group.
  acc('A200', '西山矿业集团', '西山矿业;西山集团', '矿山', '华北', 'S', 'u_li', 'exec_silence'),
  acc('A201', '西山矿业东坡煤矿', '东坡煤矿', '矿山', '华北', 'B', 'u_li', 'steady', { parentId: 'A200' }),
  acc('A202', '西山矿业选煤厂', '西山选煤厂', '矿山', '华北', 'C', 'u_li', 'steady', { parentId: 'A200' }),
  acc('A203', '西山矿业机电设备公司', '西山机电', '矿山', '华北', 'B', 'u_liu', 'overdue', { parentId: 'A200' }),
  // Group 3: a port group.
  acc('A300', '东方港务集团', '东方港务;东方港', '港口物流', '华南', 'S', 'u_sun', 'stalled'),
  acc('A301', '东方港务集装箱码头公司', '东方集装箱码头', '港口物流', '华南', 'B', 'u_sun', 'complaint', { parentId: 'A300' }),
  acc('A302', '东方港务散货码头公司', '东方散货码头', '港口物流', '华南', 'C', 'u_sun', 'steady', { parentId: 'A300' }),
  // Independent accounts.
  acc('A400', '北方路桥建设有限公司', '北方路桥', '路桥施工', '华北', 'A', 'u_zhang', 'no_dm'),
  acc('A500', '蓝海新能源科技有限公司', '蓝海新能源', '新能源', '华东', 'A', 'u_li', 'overdue'),
  acc('A600', '兴业建材有限公司', '兴业建材', '建材', '华东', 'C', 'u_zhang', 'steady'),
  acc('A700', '长江水利水电有限公司', '长江水利', '水利', '华中', 'A', 'u_liu', 'cooling'),
  acc('A710', '中原市政建设集团', '中原市政', '市政', '华中', 'B', 'u_liu', 'budget_lag'),
  acc('A720', '渤海重工装备有限公司', '渤海重工', '装备制造', '华北', 'B', 'u_liu', 'steady'),
  acc('A730', '珠江地铁建设有限公司', '珠江地铁', '轨道交通', '华南', 'S', 'u_sun', 'steady'),
  acc('A740', '西南隧道工程有限公司', '西南隧道', '隧道工程', '西南', 'A', 'u_sun', 'expiring'),
  acc('A750', '黄河能源化工集团', '黄河能源', '能源化工', '西北', 'A', 'u_ma', 'exec_silence'),
  acc('A760', '华南环境工程有限公司', '华南环境', '环保', '华南', 'B', 'u_ma', 'steady'),
  acc('A770', '东北冶金建设有限公司', '东北冶建', '冶金', '东北', 'B', 'u_ma', 'stalled'),
  acc('A780', '江南高速公路建设有限公司', '江南高速', '路桥施工', '华东', 'A', 'u_guo', 'budget_lag'),
  acc('A790', '沿海风电安装有限公司', '沿海风电', '新能源', '华东', 'B', 'u_guo', 'steady'),
  acc('A800', '中铁华中建设集团', '中铁华中', '铁路建设', '华中', 'S', 'u_guo', 'cooling'),
  acc('A810', '华中水泥有限公司', '华中水泥', '建材', '华中', 'C', 'u_zhang', 'steady'),
  acc('A820', '西北光伏电站建设有限公司', '西北光伏', '新能源', '西北', 'B', 'u_li', 'expiring'),
  acc('A830', '海峡港口机械有限公司', '海峡港机', '港口物流', '华南', 'C', 'u_sun', 'steady'),
  // A few English accounts (overseas customers, served in English).
  acc('A900', 'Pacific Rim Logistics Ltd.', 'Pacific Rim;PRL', 'Port logistics', 'Overseas', 'A', 'u_guo', 'steady', { english: true }),
  acc('A910', 'Sunda Mining Pte. Ltd.', 'Sunda Mining', 'Mining', 'Overseas', 'B', 'u_li', 'complaint', { english: true }),
  acc('A920', 'Nordic Harbor Engineering AB', 'Nordic Harbor', 'Marine engineering', 'Overseas', 'B', 'u_sun', 'steady', { english: true }),
  acc('A930', 'Andes Copper S.A.', 'Andes Copper', 'Mining', 'Overseas', 'A', 'u_ma', 'exec_silence', { english: true }),
];
