#!/usr/bin/env node
// Deterministic synthetic corpus of branch record files (records.md v1) for
// benchmarks and large tests.
//
//   node scripts/gen-corpus.mjs DIR N [--seed S] [--year Y] [--no-organization]
//
//   import { generateCorpus } from './scripts/gen-corpus.mjs';
//   const { files, bytes } = generateCorpus({ dir, branches: 1000 });
//
// Writes DIR/pb-00001.yaml … DIR/pb-NNNNN.yaml (one branch document each) and
// DIR/organization.yaml. The same arguments always give byte-identical files:
// all randomness comes from a seeded mulberry32, one stream per file, and no
// clock, locale or environment is read. Every date is inside the given year or
// earlier. A few realistic defects are sprinkled in at a low rate (a missed
// month, a missing recorder or minutes, low attendance, a dues gap, an expired
// term, a member nobody talked with …) so that checks have something to find;
// no defect is an input error — every file is valid per records.md.
//
// Plain ESM, Node 20, node: builtins only.

import { Buffer } from 'node:buffer';
import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------
// Seeded randomness

function mulberry32(a) {
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit hash of a list of integers (murmur3 finaliser per step). */
function mixSeed(...parts) {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

function seedToInt(seed) {
  if (typeof seed === 'number' && Number.isFinite(seed)) return Math.trunc(seed) >>> 0;
  const s = String(seed);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Picks from [[weight, value], …]. */
  weighted(pairs) {
    const total = pairs.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
  shuffle(list) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  /** k distinct elements, in their original order. */
  sample(list, k) {
    if (k >= list.length) return list.slice();
    if (k <= 0) return [];
    const idx = this.shuffle(list.map((_, i) => i)).slice(0, k).sort((x, y) => x - y);
    return idx.map((i) => list[i]);
  }
}

// ---------------------------------------------------------------------------
// Dates (strings YYYY-MM-DD compare correctly; arithmetic via UTC day numbers)

const DAY = 86400000;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const ymd = (y, m, d) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const ym = (y, m) => `${pad(y, 4)}-${pad(m)}`;
const toDay = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY;
const fromDay = (n) => {
  const d = new Date(n * DAY);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
const addDays = (s, n) => fromDay(toDay(s) + n);
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const weekday = (s) => new Date(toDay(s) * DAY).getUTCDay();
const isWorkday = (s) => weekday(s) !== 0 && weekday(s) !== 6;
const monthOfDate = (s) => +s.slice(5, 7);
const quarterOfMonth = (m) => Math.floor((m - 1) / 3) + 1;
const maxDate = (a, b) => (a > b ? a : b);
const minDate = (a, b) => (a < b ? a : b);

function dateBetween(rng, lo, hi) {
  return fromDay(rng.int(toDay(lo), toDay(hi)));
}
/** Same month and day one year later (day is kept ≤ 28 by the callers). */
function plusYear(s) {
  return `${pad(+s.slice(0, 4) + 1, 4)}${s.slice(4)}`;
}

// ---------------------------------------------------------------------------
// YAML emitting (block style, 2 spaces, flow lists of names, LF)

const NUMERIC_LIKE = /^[-+]?(?:[0-9][0-9_,.:eE+-]*|\.[0-9]+|\.(?:inf|nan))$/i;
const DATE_LIKE = /^\d{4}-\d{2}(?:-\d{2})?$/; // bare dates and months are fine (records.md)
const KEYWORD_LIKE = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

function scalar(v, flow = false) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  const unsafe =
    s === '' ||
    (NUMERIC_LIKE.test(s) && !DATE_LIKE.test(s)) ||
    KEYWORD_LIKE.test(s) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) ||
    /\s$/.test(s) ||
    /: |:$| #|[\n\r\t]/.test(s) ||
    (flow && /[,[\]{}]/.test(s));
  return unsafe ? JSON.stringify(s) : s;
}
const flowList = (list) => `[${list.map((x) => scalar(x, true)).join(', ')}]`;
const flowMap = (obj) =>
  `{ ${Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${scalar(v, true)}`)
    .join(', ')} }`;

// ---------------------------------------------------------------------------
// Text tables

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '武', '戴', '莫', '孔', '向', '汤', '欧阳',
];
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '建', '国', '文', '辉', '玲', '红', '志', '林', '波', '宇', '鹏', '飞', '斌', '浩', '凯', '峰',
  '亮', '俊', '琳', '雪', '婷', '倩', '海', '晨', '阳', '东', '新', '春', '晓', '云', '宁', '振', '兴', '博', '昊', '然',
  '瑞', '佳', '欣', '怡', '子', '睿', '泽', '宏', '德', '成', '光', '荣', '庆', '祥', '福', '生', '金', '玉', '顺', '安',
  '永', '忠', '民', '卫', '利', '清', '长', '松', '山', '川', '江', '思', '嘉', '一', '天', '家', '世', '立', '正', '学',
];
const CN_DIGITS = '零一二三四五六七八九';
const CN_UNITS = ['', '十', '百', '千', '万'];

/** Chinese numeral for 1 … 99999 (十一, 一百零五, 一千零一十). */
function cnNumber(n) {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = +s[i];
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += CN_DIGITS[d] + CN_UNITS[s.length - 1 - i];
  }
  return out;
}

const ADDRESSES = [
  '党员活动室',
  '会议室',
  '项目部会议室',
  '党员之家',
  '施工现场',
  '线上会议',
];
const ABSENCE_REASONS = ['出差', '病假', '事假', '现场值班', '外出培训', '夜班倒休', '休假', '参加公司会议', '在外地项目支援'];
const EXCUSED_REASONS = ['长期病休', '年老体弱', '因私出国'];

const STUDY_TOPICS = [
  '学习贯彻习近平新时代中国特色社会主义思想',
  '学习《中国共产党章程》',
  '学习《中国共产党支部工作条例（试行）》',
  '学习《中国共产党纪律处分条例》',
  '学习习近平总书记关于安全生产的重要论述',
  '学习全国两会精神',
  '学习公司党委工作会议精神',
  '学习党风廉政建设和反腐败工作部署',
  '学习《中国共产党党员教育管理工作条例》',
  '学习习近平总书记在庆祝中国共产党成立周年大会上的重要讲话',
  '学习国有企业党建工作要求',
  '学习中央八项规定及其实施细则精神',
  '学习习近平总书记关于质量强国的重要论述',
  '学习《关于新形势下党内政治生活的若干准则》',
];
const BUSINESS_TOPICS = [
  '安全生产形势',
  '冬季施工安全',
  '汛期隐患排查',
  '工期节点攻坚',
  '质量通病治理',
  '降本增效',
  '农民工工资支付',
  '文明施工',
  '党员先锋岗建设',
  '青年职工培养',
  '廉洁风险防控',
  '科技创新',
];
const GENERAL_TOPICS = [
  '部署本季度党建工作',
  '讨论年度党建工作计划',
  '通报上半年工作',
  '党纪学习教育',
  '确定入党积极分子',
  '评选优秀共产党员',
  '通报党费收缴情况',
  '研究党员作用发挥',
];
const COMMITTEE_TOPICS = [
  '研究本月党建工作',
  '研究主题党日方案',
  '研究党员教育管理',
  '研究生产中的党建保障',
  '落实上级党委部署',
  '研究困难职工帮扶',
  '研究党风廉政建设',
  '研究委员分工',
  '听取党小组工作汇报',
  '分析职工思想动态',
];
const GROUP_TOPICS = [
  '学习交流心得',
  '党员岗位承诺践诺',
  '讨论责任区安全质量',
  '批评与自我批评',
  '学习先进典型事迹',
  '通报责任区工作',
  '收集职工意见建议',
  '学习事故警示案例',
];
const LECTURE_TOPICS = [
  '坚定理想信念 做合格共产党员',
  '弘扬伟大建党精神 争当先锋模范',
  '以高质量党建引领项目高质量发展',
  '学党史 悟思想 办实事',
  '严守纪律规矩 筑牢廉洁防线',
  '牢记初心使命 扎根一线建功立业',
  '发扬斗争精神 攻坚克难保履约',
  '学习党章 尊崇党章 践行党章',
  '安全发展理念与党员责任',
  '传承红色基因 赓续奋斗精神',
];
const TRAINING_TOPICS = [
  '党务工作实务培训',
  '党员安全生产培训',
  '党内法规集中学习',
  '党风廉政专题学习',
  '意识形态工作培训',
  '发展党员工作培训',
  '党建信息平台培训',
  '先进事迹专题学习',
];
const THEME_DAY = {
  study: {
    topics: ['专题学习党的创新理论', '专题学习党章党规', '重温入党誓词并专题学习', '专题学习安全生产法律法规', '专题学习先进模范事迹'],
    addresses: ['党员活动室', '项目部会议室'],
  },
  discussion: {
    topics: ['围绕项目节点攻坚开展研讨', '研究讨论提升施工质量的党员措施', '围绕降本增效开展专题讨论', '研讨党建与生产经营深度融合'],
    addresses: ['项目部会议室', '党员活动室'],
  },
  'problem-solving': {
    topics: ['为一线职工解决住宿就餐问题', '走访慰问困难党员和职工', '为农民工解决欠薪和就医问题', '改善现场职工夏季防暑条件'],
    addresses: ['项目部职工生活区', '施工现场', '党员活动室'],
  },
  ideological: {
    topics: ['开展形势任务教育', '开展职工思想动态分析', '开展警示教育观看廉政教育片', '开展诚信教育和职业道德教育'],
    addresses: ['党员活动室', '项目部会议室'],
  },
  excellence: {
    topics: ['开展党员先锋岗评比', '开展党员技能比武', '开展“党员示范岗”创建', '开展劳动竞赛立功活动'],
    addresses: ['施工现场党员先锋岗', '项目部会议室'],
  },
  volunteer: {
    topics: ['到社区开展志愿服务', '开展义务植树活动', '开展无偿献血志愿活动', '开展关爱留守儿童志愿服务', '开展周边道路清洁志愿活动'],
    addresses: ['项目周边社区', '项目所在地小学', '市中心血站', '项目周边道路'],
  },
  'red-education': {
    topics: ['参观革命纪念馆重温入党誓词', '赴红色教育基地开展现场教学', '参观烈士陵园缅怀革命先烈', '参观党史馆接受党性教育'],
    addresses: ['市革命纪念馆', '烈士陵园', '红色教育基地', '市党史馆'],
  },
};
const FORMS = Object.keys(THEME_DAY);
const TALK_TOPICS = ['了解思想工作和生活情况', '听取对支部工作的意见建议', '谈心谈话', '入职后思想动态交流', '工作调整后思想沟通', '家庭困难情况了解', '提醒谈话'];
const MINUTES_OPEN = [
  '与会党员交流了学习体会',
  '与会人员充分讨论统一了思想',
  '大家围绕议题逐一发言',
  '党员结合岗位实际谈了认识',
  '会议对照要求查找了不足',
  '传达了上级有关要求',
  '通报了近期工作情况',
];
const MINUTES_CLOSE = [
  '要求党员当先锋作表率',
  '明确了责任人和完成时限',
  '要求抓好传达落实',
  '形成了会议纪要',
  '要求确保安全生产',
  '部署了下一步工作',
];
const TRAINING_TITLES = ['网络培训', '党员教育网络学院在线学习', '公司党校轮训', '党务干部培训班', '线上专题学习', '集团党性教育培训班', '安全生产专题网络培训'];
const INDICATORS = [
  ['安全生产零事故', '0起', ['0起', '0起', '1起']],
  ['技术创新成果', '2项', ['2项', '3项', '1项']],
  ['质量一次验收合格率', '100%', ['100%', '98%', '100%']],
  ['合理化建议', '3条', ['3条', '4条', '2条']],
  ['师带徒培养', '1名', ['1名', '2名', '1名']],
  ['节约成本', '10万元', ['12万元', '10万元', '8万元']],
  ['工期节点完成率', '100%', ['100%', '95%', '100%']],
  ['个人学习学时', '40学时', ['42学时', '40学时', '36学时']],
  ['群众满意度', '95%', ['96%', '95%', '92%']],
];
const PROJECTS = [
  { name: '党员先锋岗攻坚项目', goals: ['年内完成主体结构施工', '重要节点零延误', '打造党员先锋示范岗'] },
  { name: '党员突击队保节点项目', goals: ['组建党员突击队', '关键线路工期提前', '开展夜间攻坚'] },
  { name: '党建加安全示范项目', goals: ['实现安全生产零事故', '党员安全责任区全覆盖', '隐患整改率100%'] },
  { name: '青年党员创新工作室', goals: ['形成技术创新成果2项', '申报工法1项', '培养青年技术骨干'] },
  { name: '党员责任区质量提升项目', goals: ['质量一次验收合格率100%', '消除质量通病', '争创优质工程'] },
  { name: '降本增效党员攻关项目', goals: ['节约成本50万元', '优化施工方案3项', '材料损耗率下降'] },
  { name: '党建共建结对项目', goals: ['与属地社区签订共建协议', '开展联合主题党日', '解决群众急难愁盼问题'] },
];
const PROGRESS_NOTES = [
  '完成项目实施方案',
  '召开推进会明确分工',
  '完成第一阶段任务',
  '完成阶段性目标',
  '组织现场观摩交流',
  '总结经验并在全项目推广',
  '开展中期评估',
  '调整攻关措施',
  '完成节点验收',
];
const RECTIFICATIONS = [
  ['季度支部党员大会未按期召开', 'meetings.general-quarterly'],
  ['部分会议记录缺少记录人', 'meetings.record-complete'],
  ['党小组会未按月召开', 'meetings.group-monthly'],
  ['部分党员党费未按月交纳', 'member.dues-monthly'],
  ['主题党日形式单一', 'theme-day.varied-forms'],
  ['谈心谈话未覆盖全体党员', 'talks.yearly'],
  ['党员双提升指标未细化', 'member.indicators'],
  ['支部书记未讲党课', 'lecture.secretary-yearly'],
  ['党员学习学时不足', 'member.training-hours'],
  ['党建阵地建设不规范', undefined],
  ['发展党员档案材料不完整', undefined],
];
const LEADER_TITLES = [
  '党委书记、董事长',
  '党委副书记、总经理',
  '党委副书记、工会主席',
  '纪委书记',
  '副总经理',
  '总工程师',
  '总会计师',
  '总经济师',
  '安全总监',
  '副总经理',
];
const UNCOVERED_UNITS = ['城东污水处理厂项目部', '滨江大桥项目部', '机场快线项目部', '北区保障房项目部', '南环高速养护项目部', '产业园配套道路项目部', '海外事业部', '物资供应中心', '设备租赁分公司', '设计研究院分院'];

const ORG_ID = 'corp';
const ORG_NAME = '华兴建设工程有限公司党委';

// ---------------------------------------------------------------------------
// Names

function makeName(rng) {
  const sur = rng.chance(0.01) ? '欧阳' : rng.pick(SURNAMES.slice(0, -1));
  const given = rng.chance(0.35) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return sur + given;
}
function uniqueName(rng, used) {
  for (;;) {
    const n = makeName(rng);
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}

// ---------------------------------------------------------------------------
// Corpus-level plan: leaders and their branches

function planLeaders(rootSeed, branches) {
  if (branches < 1) return [];
  const rng = new Rng(mixSeed(rootSeed, 0x6f7267));
  const count = Math.max(1, Math.round(branches / 20));
  const used = new Set();
  const order = rng.shuffle(Array.from({ length: branches }, (_, i) => i + 1));
  const offset = count % branches === 0 ? 1 : count;
  const leaders = [];
  for (let i = 0; i < count; i++) {
    let name;
    do name = rng.pick(SURNAMES.slice(0, -1)) + rng.pick(GIVEN) + rng.pick(GIVEN);
    while (used.has(name));
    used.add(name);
    leaders.push({
      name,
      title: i < LEADER_TITLES.length ? LEADER_TITLES[i] : rng.pick(['副总经理', '总工程师', '副总工程师', '总经理助理']),
      branch: order[i % branches],
      liaison: order[(i + offset) % branches],
    });
  }
  return leaders;
}

const branchId = (i) => `pb-${pad(i, 5)}`;

// ---------------------------------------------------------------------------
// One branch

function buildBranch({ index, year, rootSeed, leaders }) {
  const rng = new Rng(mixSeed(rootSeed, index, 0x6272));
  const Y = year;
  const yearStart = ymd(Y, 1, 1);
  const yearEnd = ymd(Y, 12, 31);
  const id = branchId(index);
  const unit = `第${cnNumber(index)}项目部`;
  const ownLeaders = leaders.filter((l) => l.branch === index);
  const liaisonLeaders = leaders.filter((l) => l.liaison === index);

  // Names: leaders are reserved corpus-wide, so a leader is never confused with
  // a member of another branch; the own-branch leaders are added explicitly.
  const used = new Set(leaders.map((l) => l.name));
  // 10–30 members, most project branches being on the small side (mean ≈ 15)
  const nMembers = 10 + Math.floor(21 * rng.next() ** 3);
  const nProb = rng.weighted([[50, 0], [35, 1], [15, 2]]);
  const confirmThisYear = rng.chance(0.25);

  /** @type {any[]} */
  const members = [];
  const addMember = (name, extra = {}) => {
    const m = { name, status: 'full', stable: false, ...extra };
    members.push(m);
    return m;
  };
  const nOrdinaryFull = nMembers - nProb - ownLeaders.length;
  for (let i = 0; i < nOrdinaryFull; i++) addMember(uniqueName(rng, used));
  // own-branch leaders slot in among the ordinary members (not the top rows)
  for (const l of ownLeaders) {
    const m = { name: l.name, status: 'full', stable: true, leader: true, orgLeader: true };
    members.splice(rng.int(Math.min(5, members.length), members.length), 0, m);
  }
  for (let i = 0; i < nProb; i++) addMember(uniqueName(rng, used), { status: 'probationary' });
  const activists = Array.from({ length: rng.int(1, 3) }, () => uniqueName(rng, used));

  const fullMembers = members.filter((m) => m.status === 'full');
  const secretary = fullMembers[0];
  secretary.stable = true;
  const deputies = rng.chance(0.3) ? [fullMembers[1]] : [];
  const committee = [];
  if (fullMembers.length >= 7) {
    const size = rng.int(3, 5);
    for (const m of fullMembers.slice(0, size)) committee.push(m);
  }
  for (const m of committee) m.stable = true;
  for (const m of deputies) m.stable = true;
  const established = dateBetween(rng, ymd(Y - 9, 1, 1), ymd(Y - 2, 12, 31));

  // Term: most elected within the last 3 years, some re-elected this year,
  // a few expired.
  const termKind = rng.weighted([[60, 'recent'], [25, 'election'], [8, 'late'], [7, 'expired']]);
  let elected;
  if (termKind === 'recent') elected = dateBetween(rng, ymd(Y - 2, 1, 1), ymd(Y - 1, 12, 31));
  else if (termKind === 'late') elected = dateBetween(rng, ymd(Y - 3, 6, 1), ymd(Y - 3, 12, 31));
  else if (termKind === 'expired') elected = dateBetween(rng, ymd(Y - 4, 1, 1), ymd(Y - 3, 5, 31));
  if (elected && elected < established) elected = established;

  // Admission dates
  for (const m of members) {
    if (m.status === 'full') {
      const old = m === secretary || m.orgLeader ? Y - 15 : Y - 3;
      const adm = ymd(rng.int(Y - 32, old), rng.int(1, 12), rng.int(1, 28));
      m.admitted = adm;
      m.confirmed = plusYear(adm);
    } else {
      m.admitted = ymd(Y, rng.int(1, 11), rng.int(1, 28));
      m.since = m.admitted;
      m.stable = true; // keeps the other irregularities off them
    }
  }
  let convert;
  if (confirmThisYear) {
    const pool = fullMembers.filter((m) => !m.stable);
    convert = pool.length ? rng.pick(pool) : undefined;
    if (convert) {
      convert.admitted = ymd(Y - 1, rng.int(1, 12), rng.int(1, 28));
      convert.confirmed = plusYear(convert.admitted);
      convert.stable = true;
    }
  }

  // Groups
  const groups = [];
  if (members.length >= 10) {
    const nGroups = members.length >= 20 ? rng.int(2, 3) : 2;
    const names = ['第一党小组', '第二党小组', '第三党小组'];
    for (let g = 0; g < nGroups; g++) groups.push({ name: names[g], members: [] });
    rng.shuffle(members).forEach((m, i) => {
      const g = groups[i % nGroups];
      m.group = g.name;
      g.members.push(m);
    });
    for (const g of groups) {
      g.members.sort((a, b) => members.indexOf(a) - members.indexOf(b));
      const candidates = g.members.filter((m) => m.status === 'full' && !m.orgLeader && m !== convert);
      const leader = candidates.find((m) => committee.includes(m) && m !== secretary) ?? rng.pick(candidates) ?? g.members[0];
      leader.stable = true;
      g.leader = leader;
    }
  }

  // Irregular members: transfers, excused, cadres, one who drifted away
  for (const m of members) {
    if (m.stable) continue;
    const r = rng.next();
    if (r < 0.05) m.since = dateBetween(rng, ymd(Y, 2, 1), ymd(Y, 11, 15));
    else if (r < 0.09) m.until = dateBetween(rng, ymd(Y, 3, 1), ymd(Y, 11, 30));
    else if (r < 0.12) m.excused = true;
    if (!m.orgLeader && rng.chance(0.03)) m.leader = true;
  }
  const drifters = members.filter((m) => !m.stable && !m.since && !m.until && !m.excused);
  const ghost = drifters.length && rng.chance(0.04) ? rng.pick(drifters) : undefined;
  const ghostFrom = ymd(Y, 4, 1);
  const ghostTo = ymd(Y, 10, 31);

  const activeOn = (m, d) => (!m.since || m.since <= d) && (!m.until || m.until >= d);
  const fullOn = (m, d) => m.status === 'full' && (!m.confirmed || m.confirmed <= d);
  const order = new Map(members.map((m, i) => [m, i]));
  const byOrder = (a, b) => order.get(a) - order.get(b);

  // Dues
  for (const m of members) {
    const months = [];
    for (let mo = 1; mo <= 12; mo++) {
      const first = ymd(Y, mo, 1);
      const last = ymd(Y, mo, daysIn(Y, mo));
      if ((!m.since || m.since <= last) && (!m.until || m.until >= first)) months.push(ym(Y, mo));
    }
    if (months.length > 2 && rng.chance(0.06)) months.splice(rng.int(1, months.length - 1), 1);
    else if (months.length >= 9 && rng.chance(0.005)) months.splice(rng.int(0, months.length - 7), 7);
    m.dues = months;
  }

  // Individual training and indicators
  for (const m of members) {
    const lo = m.since ? maxDate(m.since, yearStart) : yearStart;
    const hi = m.until ? minDate(m.until, yearEnd) : yearEnd;
    const n = rng.weighted([[35, 0], [45, 1], [20, 2]]);
    m.training = [];
    for (let i = 0; i < n; i++) {
      m.training.push({ date: dateBetween(rng, lo, hi), hours: rng.pick([4, 6, 8, 8, 12, 16, 24]), title: rng.pick(TRAINING_TITLES) });
    }
    m.training.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    m.indicators = [];
    if (rng.chance(m.excused ? 0.3 : 0.9)) {
      const picks = rng.sample(rng.shuffle(INDICATORS), rng.chance(0.7) ? 1 : 2);
      for (const [name, target, actuals] of picks) m.indicators.push({ name, target, actual: rng.pick(actuals) });
    }
  }

  // ------------------------------------------------------------------
  // Activities

  const activities = [];
  const usedKeys = new Set();
  const key = (type, date, group) => `${type}|${date}|${group ?? ''}`;
  /** A free date for (type, group) between lo and hi, preferring workdays. */
  const pickDate = (type, group, lo, hi, workday = true) => {
    let fallback;
    for (let tries = 0; tries < 60; tries++) {
      const d = dateBetween(rng, lo, hi);
      if (usedKeys.has(key(type, d, group))) continue;
      fallback ??= d;
      if (!workday || isWorkday(d)) return d;
    }
    if (fallback) return fallback;
    for (let n = toDay(lo); n <= toDay(yearEnd); n++) if (!usedKeys.has(key(type, fromDay(n), group))) return fromDay(n);
    return undefined;
  };
  const monthRange = (mo) => [ymd(Y, mo, 1), ymd(Y, mo, daysIn(Y, mo))];
  const quarterRange = (q) => [ymd(Y, q * 3 - 2, 1), ymd(Y, q * 3, daysIn(Y, q * 3))];

  const addressFor = () => (rng.chance(0.7) ? ADDRESSES[index % 3] : rng.pick(ADDRESSES));
  // 会议记录: a sentence or two; some branches keep minutes on paper (`true`)
  const paperMinutes = rng.chance(0.25) ? 0.85 : 0.03;
  const minutesFor = () => {
    if (rng.chance(paperMinutes)) return true;
    const open = rng.pick(MINUTES_OPEN);
    return rng.chance(0.25) ? `${open}，${rng.pick(MINUTES_CLOSE)}。` : `${open}。`;
  };

  /**
   * Attendees drawn from `pool` (members), a realistic rate of those active on
   * the date; forced people (host, recorder) always attend when active.
   */
  const attend = (pool, date, rate, forced = []) => {
    const active = pool.filter((m) => activeOn(m, date));
    const regular = active.filter((m) => !m.excused && !(m === ghost && date >= ghostFrom && date <= ghostTo));
    const must = [...new Set(forced)].filter((m) => m && active.includes(m));
    const rest = regular.filter((m) => !must.includes(m));
    const want = Math.max(must.length, Math.round(rate * regular.length));
    const chosen = new Set([...must, ...rng.sample(rest, want - must.length)]);
    for (const m of active) if (m.excused && rng.chance(0.1)) chosen.add(m);
    const attendees = [...chosen].sort(byOrder);
    const absent = active.filter((m) => !chosen.has(m));
    return { attendees, absent };
  };
  const absentees = (absent) =>
    absent.map((m) => ({ name: m.name, reason: m.excused ? rng.pick(EXCUSED_REASONS) : m === ghost ? '未请假' : rng.pick(ABSENCE_REASONS) }));
  const pickActive = (pool, date, not = []) => {
    const c = pool.filter((m) => activeOn(m, date) && !m.excused && !not.includes(m));
    return c.length ? rng.pick(c) : undefined;
  };

  const defects = {
    recorder: 0.012,
    minutes: 0.008,
    topic: 0.005,
  };
  const push = (rec) => {
    usedKeys.add(key(rec.type, rec.date, rec.group));
    activities.push(rec);
    return rec;
  };

  const recorders = committee.length > 1 ? committee.filter((m) => m !== secretary) : fullMembers.slice(1, 3);
  /** A meeting with the usual record fields. */
  const meeting = (type, date, { pool, host, recorder, rate, topic, group, hours, absenteeRate = 0.2, forceAttend = [] }) => {
    if (recorder && recorder === host) recorder = pickActive(recorders, date, [host]) ?? pickActive(pool, date, [host]) ?? recorder;
    const { attendees, absent } = attend(pool, date, rate, [host, recorder, ...forceAttend]);
    const rec = { type, date };
    if (group) rec.group = group;
    rec.topic = topic;
    rec.host = host?.name;
    rec.recorder = recorder?.name;
    rec.attendees = attendees;
    if (absent.length && rng.chance(absenteeRate)) rec.absentees = absentees(absent);
    if (hours) rec.hours = hours;
    rec.minutes = minutesFor();
    rec.address = addressFor();
    if (rng.chance(defects.recorder)) delete rec.recorder;
    if (rng.chance(defects.minutes)) delete rec.minutes;
    if (rng.chance(defects.topic)) delete rec.topic;
    return push(rec);
  };

  const skip = new Set(); // `type|month` or `type|month|group` or `party-lecture|Qn`
  const hasExemptions = rng.chance(0.2);
  if (rng.chance(0.12)) skip.add(`theme-day|${rng.int(1, 12)}`);
  if (committee.length && rng.chance(0.12)) skip.add(`committee-meeting|${rng.int(1, 12)}`);
  if (groups.length && rng.chance(0.1)) skip.add(`group-meeting|${rng.int(1, 12)}|${rng.pick(groups).name}`);
  if (rng.chance(0.04)) skip.add(`general-meeting|Q${rng.int(1, 4)}`);
  if (rng.chance(0.04)) skip.add(`party-lecture|Q${rng.int(1, 4)}`);
  if (hasExemptions && committee.length && rng.chance(0.5)) skip.add('committee-meeting|2'); // 春节停工, exempted below
  const lowGeneral = rng.chance(0.06) ? rng.int(1, 4) : 0; // quarter with a poorly attended general meeting
  const themeDay = rng.int(5, 25); // 每月相对固定1天
  const mostForms = rng.shuffle(FORMS);
  const nForms = rng.chance(0.08) ? 1 : rng.int(3, FORMS.length); // one in ~12 branches does the same thing every time
  const forms = mostForms.slice(0, nForms);

  const chair = (date) => (activeOn(secretary, date) && rng.chance(0.85) ? secretary : pickActive(deputies.length ? deputies : committee, date) ?? secretary);

  for (let mo = 1; mo <= 12; mo++) {
    const [mLo, mHi] = monthRange(mo);
    // 支部委员会会议
    if (committee.length && !skip.has(`committee-meeting|${mo}`)) {
      const date = pickDate('committee-meeting', undefined, ymd(Y, mo, 2), ymd(Y, mo, 12));
      const low = rng.chance(0.004);
      const rec = meeting('committee-meeting', date, {
        pool: committee,
        host: chair(date),
        recorder: rng.pick(recorders),
        rate: low ? 0.34 : rng.chance(0.75) ? 1 : 0.8,
        topic: rng.chance(0.6) ? rng.pick(COMMITTEE_TOPICS) : `研究${rng.pick(BUSINESS_TOPICS)}`,
      });
      if (low) rec.attendees = rec.attendees.slice(0, Math.floor(committee.length / 2));
    }
    // 党小组会
    for (const g of groups) {
      if (skip.has(`group-meeting|${mo}|${g.name}`)) continue;
      const date = pickDate('group-meeting', g.name, ymd(Y, mo, 8), mHi);
      const host = activeOn(g.leader, date) ? g.leader : pickActive(g.members, date);
      meeting('group-meeting', date, {
        pool: g.members,
        host,
        recorder: pickActive(g.members, date, [host]),
        rate: rng.int(70, 100) / 100,
        topic: rng.pick(GROUP_TOPICS),
        group: g.name,
        hours: rng.chance(0.15) ? 1 : undefined,
      });
    }
    // 主题党日
    if (!skip.has(`theme-day|${mo}`)) {
      let date = ymd(Y, mo, Math.min(themeDay + rng.int(-2, 2), daysIn(Y, mo)));
      if (usedKeys.has(key('theme-day', date))) date = pickDate('theme-day', undefined, mLo, mHi, false);
      const form = forms[(mo + index) % forms.length];
      const spec = THEME_DAY[form];
      const rec = meeting('theme-day', date, {
        pool: members,
        host: chair(date),
        recorder: rng.pick(recorders),
        rate: rng.int(72, 100) / 100,
        topic: rng.pick(spec.topics),
        hours: rng.chance(0.45) ? rng.pick([2, 3, 4]) : undefined,
        absenteeRate: 0.1,
      });
      rec.form = form;
      rec.address = rng.pick(spec.addresses);
      if (rng.chance(0.3)) rec.guests = rng.sample(activists, rng.int(1, activists.length));
    }
    // 集中学习培训
    if (rng.chance(0.25)) {
      const date = pickDate('training', undefined, mLo, mHi);
      const topic = rng.pick(TRAINING_TOPICS);
      meeting('training', date, {
        pool: members,
        host: chair(date),
        recorder: rng.pick(recorders),
        rate: rng.int(70, 100) / 100,
        topic,
        hours: rng.pick([2, 3, 4, 4, 6, 8]),
        absenteeRate: 0.2,
      });
    }
  }

  // Quarterly: 支部党员大会 and 党课
  const secretaryQuarter = rng.int(1, 4);
  const lectureSlots = [1, 2, 3, 4].filter((q) => q !== secretaryQuarter);
  const leaderLectureQuarter = new Map();
  liaisonLeaders.forEach((l, i) => leaderLectureQuarter.set(l.name, lectureSlots[i % lectureSlots.length]));
  const lectures = [];
  const generals = [];
  for (let q = 1; q <= 4; q++) {
    const [qLo, qHi] = quarterRange(q);
    if (!skip.has(`general-meeting|Q${q}`)) {
      const date = pickDate('general-meeting', undefined, qLo, qHi);
      const low = lowGeneral === q;
      const rec = meeting('general-meeting', date, {
        pool: members,
        host: chair(date),
        recorder: rng.pick(recorders),
        rate: low ? rng.int(35, 48) / 100 : rng.int(78, 100) / 100,
        topic: rng.chance(0.5) ? rng.pick(GENERAL_TOPICS) : rng.pick(STUDY_TOPICS),
        hours: rng.chance(0.3) ? rng.pick([1, 2]) : undefined,
        absenteeRate: 0.4,
      });
      if (rng.chance(0.3)) rec.decision = rng.pick(['会议一致通过相关事项', '与会党员举手表决一致同意', '会议决定按计划组织实施']);
      generals.push(rec);
    }
    const leadersHere = liaisonLeaders.filter((l) => leaderLectureQuarter.get(l.name) === q);
    const lecturers = [];
    if (q === secretaryQuarter) lecturers.push({ member: secretary });
    for (const l of leadersHere) lecturers.push({ leader: l });
    if (!lecturers.length && !skip.has(`party-lecture|Q${q}`)) {
      const others = [...deputies, ...committee.filter((m) => m !== secretary)];
      lecturers.push({ member: others.length && rng.chance(0.7) ? rng.pick(others) : secretary });
    }
    for (const lec of lecturers) {
      const date = pickDate('party-lecture', undefined, qLo, qHi);
      const lecturerMember = lec.member ?? members.find((m) => m.name === lec.leader.name);
      const rec = meeting('party-lecture', date, {
        pool: members,
        host: rng.chance(0.4) ? chair(date) : undefined, // 党课 often has no separate host
        recorder: rng.pick(recorders),
        rate: rng.int(75, 100) / 100,
        topic: rng.pick(LECTURE_TOPICS),
        hours: rng.chance(0.85) ? 2 : undefined,
        forceAttend: lecturerMember ? [lecturerMember] : [],
      });
      rec.lecturer = lec.member ? lec.member.name : lec.leader.name;
      if (lec.leader && !lecturerMember) rec.guests = [lec.leader.name];
      lectures.push(rec);
    }
  }

  // Liaison leaders also join one activity per quarter (rarely skipped)
  for (const l of liaisonLeaders) {
    const isMember = members.find((m) => m.name === l.name);
    for (let q = 1; q <= 4; q++) {
      if (leaderLectureQuarter.get(l.name) === q) continue;
      if (rng.chance(0.05)) continue;
      const [qLo, qHi] = quarterRange(q);
      const options = activities.filter(
        (a) => a.date >= qLo && a.date <= qHi && (a.type === 'general-meeting' || a.type === 'theme-day' || a.type === 'party-lecture'),
      );
      if (!options.length) continue;
      const a = rng.pick(options);
      if (isMember) {
        if (activeOn(isMember, a.date) && !a.attendees.includes(isMember)) a.attendees = [...a.attendees, isMember].sort(byOrder);
      } else {
        a.guests = [...new Set([...(a.guests ?? []), l.name])];
      }
    }
  }

  // Yearly: 组织生活会 and 民主评议党员 (usually together, early in the year or in December)
  const lifeMonth = rng.weighted([[45, 1], [30, 2], [25, 12]]);
  const lifeDate = pickDate('life-meeting', undefined, ...monthRange(lifeMonth));
  const life = meeting('life-meeting', lifeDate, {
    pool: members,
    host: activeOn(secretary, lifeDate) ? secretary : chair(lifeDate),
    recorder: rng.pick(recorders),
    rate: rng.int(85, 100) / 100,
    topic: `${Y - (lifeMonth === 12 ? 0 : 1)}年度组织生活会`,
    forceAttend: ownLeaders.length && rng.chance(0.95) ? members.filter((m) => m.orgLeader) : [],
    absenteeRate: 0.8,
  });
  life.minutes = `支部委员会通报了年度工作情况，班子成员和党员逐一对照检查并开展批评与自我批评。${rng.pick(MINUTES_CLOSE)}。`;
  let reviewDate = addDays(lifeDate, rng.int(0, 3));
  if (reviewDate > yearEnd) reviewDate = lifeDate;
  const review = meeting('democratic-review', reviewDate, {
    pool: members,
    host: activeOn(secretary, reviewDate) ? secretary : chair(reviewDate),
    recorder: rng.pick(recorders),
    rate: rng.int(85, 100) / 100,
    topic: '民主评议党员',
    absenteeRate: 0.8,
  });
  review.minutes = `党员个人自评，党员互评，民主测评。评议结果：优秀${rng.int(2, 5)}名，合格${Math.max(0, review.attendees.length - 4)}名。`;

  // 谈心谈话: the secretary and deputies talk with every other member
  const hosts = [secretary, ...deputies];
  const toTalk = rng.shuffle(members.filter((m) => !hosts.includes(m)));
  if (toTalk.length > 3 && rng.chance(0.1)) toTalk.pop(); // somebody is left out
  const chunks = [];
  let cur;
  for (const m of toTalk) {
    const lo = m.since ? maxDate(m.since, yearStart) : yearStart;
    const hi = m.until ? minDate(m.until, yearEnd) : yearEnd;
    if (cur && cur.people.length < cur.size && maxDate(cur.lo, lo) <= minDate(cur.hi, hi)) {
      cur.people.push(m);
      cur.lo = maxDate(cur.lo, lo);
      cur.hi = minDate(cur.hi, hi);
    } else {
      cur = { people: [m], lo, hi, size: rng.int(1, 4) };
      chunks.push(cur);
    }
  }
  chunks.forEach((c, i) => {
    const host = hosts[i % hosts.length];
    const date = pickDate('heart-to-heart', undefined, c.lo, c.hi);
    if (!date) return;
    const rec = { type: 'heart-to-heart', date, topic: rng.pick(TALK_TOPICS), host: host.name, with: c.people.sort(byOrder).map((m) => m.name) };
    if (rng.chance(0.3)) rec.minutes = `${rng.pick(['了解思想和工作情况', '听取意见建议', '鼓励发挥党员作用', '帮助解决实际困难'])}。`;
    rec.address = rng.pick(['支部书记办公室', '项目部会议室', '施工现场', '职工宿舍']);
    push(rec);
  });

  // 换届选举
  if (termKind === 'election') {
    const date = pickDate('election', undefined, ymd(Y, 3, 1), ymd(Y, 11, 30));
    const voters = fullMembers.filter((m) => activeOn(m, date) && fullOn(m, date) && !m.excused);
    const eligible = voters.length;
    const maxAbsent = eligible - (Math.floor((eligible * 4) / 5) + 1);
    const absentCount = rng.chance(0.04) ? maxAbsent + 1 : rng.int(0, Math.max(0, maxAbsent));
    const must = [...new Set([secretary, ...committee])].filter((m) => voters.includes(m));
    const present = rng.sample(voters.filter((m) => !must.includes(m)), eligible - must.length - absentCount);
    const others = members.filter((m) => !voters.includes(m) && activeOn(m, date) && m.status === 'probationary');
    const attendees = [...new Set([...must, ...present, ...others])].sort(byOrder);
    push({
      type: 'election',
      date,
      topic: '支部委员会换届选举',
      host: secretary.name,
      recorder: rng.pick(recorders).name,
      attendees,
      eligible,
      present: attendees.filter((m) => voters.includes(m)).length,
      minutes: `大会采用无记名投票差额选举方式，选举产生新一届支部委员会，${secretary.name}当选为支部书记。`,
      address: addressFor(),
      decision: '选举结果报公司党委审批',
    });
    elected = date;
  }

  // 预备党员转正讨论
  if (convert) {
    const lo = maxDate(addDays(convert.confirmed, -20), ymd(Y, 1, 2));
    const date = pickDate('probation-review', undefined, minDate(lo, convert.confirmed), convert.confirmed);
    const rec = meeting('probation-review', date, {
      pool: members,
      host: secretary,
      recorder: rng.pick(recorders),
      rate: rng.int(82, 100) / 100,
      topic: `讨论${convert.name}同志转为正式党员`,
      forceAttend: [convert],
      absenteeRate: 0.5,
    });
    rec.member = convert.name;
    rec.minutes = `${convert.name}宣读转正申请，入党介绍人和党小组介绍了其预备期表现，与会有表决权的党员举手表决。`;
    rec.decision = `同意${convert.name}同志按期转为正式党员`;
  }

  // ------------------------------------------------------------------
  // Projects, rectifications, exemptions

  const projects = [];
  const nProjects = rng.weighted([[20, 0], [50, 1], [30, 2]]);
  for (const p of rng.sample(rng.shuffle(PROJECTS), nProjects)) {
    const approved = dateBetween(rng, ymd(Y - 1, 9, 1), ymd(Y, 4, 30));
    const owner = rng.pick(committee.length ? committee : fullMembers);
    const goals = rng.sample(p.goals, rng.int(1, p.goals.length));
    const done = approved < yearStart && rng.chance(0.35);
    const doneQuarter = done ? rng.int(2, 4) : 5;
    const progress = [];
    const startQ = approved < yearStart ? 1 : quarterOfMonth(monthOfDate(approved)) + 1;
    for (let q = startQ; q <= Math.min(4, doneQuarter); q++) {
      if (rng.chance(0.12) && q !== doneQuarter) continue;
      const [qLo, qHi] = quarterRange(q);
      progress.push({ date: dateBetween(rng, qLo, qHi), note: q === doneQuarter ? '项目完成验收并总结' : rng.pick(PROGRESS_NOTES) });
    }
    progress.sort((a, b) => (a.date < b.date ? -1 : 1));
    projects.push({ name: p.name, approved, owner: owner.name, goals, status: done ? 'done' : 'ongoing', progress });
  }

  const rectifications = [];
  const exemptions = [];
  if (hasExemptions) {
    for (const [issue, rule] of rng.sample(rng.shuffle(RECTIFICATIONS), rng.int(1, 3))) {
      const found = dateBetween(rng, ymd(Y, 1, 10), ymd(Y, 10, 31));
      const deadline = minDate(addDays(found, rng.pick([30, 30, 45, 60])), yearEnd);
      const r = { issue };
      if (rule) r.rule = rule;
      r.found = found;
      r.deadline = deadline;
      r.owner = rng.pick(committee.length ? committee : fullMembers).name;
      if (rng.chance(0.7)) {
        r.status = 'done';
        r.done = dateBetween(rng, addDays(found, 3), deadline);
      } else {
        r.status = 'open';
      }
      rectifications.push(r);
    }
    if (skip.has('committee-meeting|2')) {
      exemptions.push({ rule: 'meetings.committee-monthly', period: ym(Y, 2), reason: '春节停工，支部委员返乡', approved_by: '公司党委', expires: yearEnd });
    }
    const excused = members.find((m) => m.excused);
    if (excused) {
      exemptions.push({ rule: 'member.training-hours', subject: excused.name, reason: '长期病休，经公司党委批准', approved_by: '公司党委' });
    }
    if (!exemptions.length || rng.chance(0.4)) {
      exemptions.push({ rule: 'theme-day.varied-forms', period: `${Y}Q${rng.int(1, 4)}`, reason: '集中开展专项学习教育', approved_by: '公司党委', expires: yearEnd });
    }
  }

  // ------------------------------------------------------------------
  // Emit

  const typeOrder = ['committee-meeting', 'general-meeting', 'probation-review', 'election', 'party-lecture', 'group-meeting', 'theme-day', 'training', 'life-meeting', 'democratic-review', 'heart-to-heart'];
  activities.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || (a.group ?? '').localeCompare(b.group ?? '')));

  const out = [];
  const line = (s) => out.push(s);
  line('branch:');
  line(`  id: ${id}`);
  line(`  name: ${unit}党支部`);
  line(`  parent: ${ORG_ID}`);
  line(`  units: ${flowList([unit])}`);
  line(`  established: ${established}`);
  line(`  secretary: ${scalar(secretary.name)}`);
  if (deputies.length) line(`  deputy_secretaries: ${flowList(deputies.map((m) => m.name))}`);
  if (committee.length) line(`  committee: ${flowList(committee.map((m) => m.name))}`);
  if (elected) line(`  elected: ${elected}`);
  line('');
  line('members:');
  for (const m of members) {
    line(`  - name: ${scalar(m.name)}`);
    line(`    status: ${m.status}`);
    if (m.admitted) line(`    admitted: ${m.admitted}`);
    if (m.confirmed) line(`    confirmed: ${m.confirmed}`);
    if (m.since) line(`    since: ${m.since}`);
    if (m.until) line(`    until: ${m.until}`);
    if (m.group) line(`    group: ${scalar(m.group)}`);
    if (m.leader) line('    leader: true');
    if (m.excused) line('    excused: true');
    if (m.dues.length) line(`    dues: ${flowList(m.dues)}`);
    if (m.training.length) {
      line('    training:');
      for (const t of m.training) line(`      - ${flowMap(t)}`);
    }
    if (m.indicators.length) {
      line('    indicators:');
      for (const t of m.indicators) line(`      - ${flowMap(t)}`);
    }
  }
  if (groups.length) {
    line('');
    line('groups:');
    for (const g of groups) {
      line(`  - name: ${scalar(g.name)}`);
      if (g.leader) line(`    leader: ${scalar(g.leader.name)}`);
    }
  }
  line('');
  line('activities:');
  const names = (list) => list.map((m) => (typeof m === 'string' ? m : m.name));
  for (const a of activities) {
    line(`  - type: ${a.type}`);
    line(`    date: ${a.date}`);
    for (const k of ['group', 'form', 'topic', 'host', 'lecturer', 'recorder']) if (a[k] !== undefined) line(`    ${k}: ${scalar(a[k])}`);
    if (a.with) line(`    with: ${flowList(a.with)}`);
    if (a.member) line(`    member: ${scalar(a.member)}`);
    if (a.attendees) line(`    attendees: ${flowList(names(a.attendees))}`);
    if (a.absentees) {
      line('    absentees:');
      for (const x of a.absentees) line(`      - ${flowMap(x)}`);
    }
    if (a.guests) line(`    guests: ${flowList(a.guests)}`);
    for (const k of ['eligible', 'present', 'hours', 'minutes', 'address', 'decision']) if (a[k] !== undefined) line(`    ${k}: ${scalar(a[k])}`);
  }
  if (projects.length) {
    line('');
    line('projects:');
    for (const p of projects) {
      line(`  - name: ${scalar(p.name)}`);
      line(`    approved: ${p.approved}`);
      line(`    owner: ${scalar(p.owner)}`);
      line(`    goals: ${flowList(p.goals)}`);
      line(`    status: ${p.status}`);
      if (p.progress.length) {
        line('    progress:');
        for (const x of p.progress) line(`      - ${flowMap(x)}`);
      }
    }
  }
  if (rectifications.length) {
    line('');
    line('rectifications:');
    for (const r of rectifications) {
      const [first, ...rest] = Object.entries(r);
      line(`  - ${first[0]}: ${scalar(first[1])}`);
      for (const [k, v] of rest) line(`    ${k}: ${scalar(v)}`);
    }
  }
  if (exemptions.length) {
    line('');
    line('exemptions:');
    for (const e of exemptions) {
      const [first, ...rest] = Object.entries(e);
      line(`  - ${first[0]}: ${scalar(first[1])}`);
      for (const [k, v] of rest) line(`    ${k}: ${scalar(v)}`);
    }
  }
  out.push('');

  const partyMembers = members.filter((m) => m.status === 'full' && !m.until).length;
  return { text: out.join('\n'), unit, partyMembers };
}

// ---------------------------------------------------------------------------
// Organization file

function buildOrganization({ rootSeed, leaders, units }) {
  const rng = new Rng(mixSeed(rootSeed, 0x756e6974));
  const out = ['organization:', `  id: ${ORG_ID}`, `  name: ${ORG_NAME}`, ''];
  if (leaders.length) {
    out.push('leaders:');
    for (const l of leaders) {
      out.push(`  - name: ${scalar(l.name)}`, `    title: ${scalar(l.title)}`, `    branch: ${branchId(l.branch)}`, `    liaison: ${branchId(l.liaison)}`);
    }
    out.push('');
  }
  // A few units no branch lists: some without party members, some short of cover.
  const extra = Math.min(UNCOVERED_UNITS.length, 3 + Math.floor(units.length / 200));
  const uncovered = rng.sample(UNCOVERED_UNITS, extra).map((name, i) => ({ name, party_members: i === 0 ? 0 : rng.int(0, 6) }));
  out.push('units:');
  for (const u of [...units, ...uncovered]) out.push(`  - name: ${scalar(u.name)}`, `    party_members: ${u.party_members}`);
  out.push('');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Writes `branches` branch files `dir/pb-00001.yaml` … and, when
 * `withOrganization`, `dir/organization.yaml`. Deterministic: the same
 * arguments give byte-identical files. Synchronous.
 *
 * @param {{ dir: string, branches: number, year?: number, seed?: number | string, withOrganization?: boolean }} options
 * @returns {{ files: string[], bytes: number }} the paths written (branch files in order, organization last) and their total size in bytes
 */
export function generateCorpus({ dir, branches, year = 2026, seed = 1, withOrganization = true }) {
  if (typeof dir !== 'string' || !dir) throw new TypeError('generateCorpus: dir must be a non-empty string');
  mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  for (const { name, text } of corpusTexts({ branches, year, seed, withOrganization })) {
    const file = join(dir, name);
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(file, buf);
    files.push(file);
    bytes += buf.length;
  }
  return { files, bytes };
}

/**
 * The corpus as texts, without writing them: `{ name, text }` per file (branch files in
 * order, `organization.yaml` last). Deterministic, as generateCorpus.
 *
 * @param {{ branches: number, year?: number, seed?: number | string, withOrganization?: boolean }} options
 * @returns {Generator<{ name: string, text: string }>}
 */
export function* corpusTexts({ branches, year = 2026, seed = 1, withOrganization = true }) {
  if (!Number.isInteger(branches) || branches < 0 || branches > 99999) throw new RangeError('generateCorpus: branches must be an integer from 0 to 99999');
  if (!Number.isInteger(year) || year < 1950 || year > 9999) throw new RangeError('generateCorpus: year must be an integer from 1950 to 9999');
  const rootSeed = seedToInt(seed);
  const leaders = planLeaders(rootSeed, branches);
  const units = [];
  for (let i = 1; i <= branches; i++) {
    const { text, unit, partyMembers } = buildBranch({ index: i, year, rootSeed, leaders });
    units.push({ name: unit, party_members: partyMembers });
    yield { name: `${branchId(i)}.yaml`, text };
  }
  if (withOrganization) yield { name: 'organization.yaml', text: buildOrganization({ rootSeed, leaders, units }) };
}

// ---------------------------------------------------------------------------
// CLI

function usage() {
  return 'usage: node scripts/gen-corpus.mjs DIR N [--seed S] [--year Y] [--no-organization]';
}

function cli(argv) {
  const positional = [];
  let seed = 1;
  let year = 2026;
  let withOrganization = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value();
      seed = /^\d+$/.test(v) ? Number(v) : v;
    } else if (a === '--year' || a.startsWith('--year=')) {
      year = Number(value());
    } else if (a === '--no-organization') {
      withOrganization = false;
    } else if (a === '-h' || a === '--help') {
      console.log(usage());
      return 0;
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${a}`);
    } else {
      positional.push(a);
    }
  }
  if (positional.length !== 2 || !/^\d+$/.test(positional[1])) throw new Error(usage());
  const [dir, n] = positional;
  const branches = Number(n);
  const started = process.hrtime.bigint();
  const { files, bytes } = generateCorpus({ dir, branches, year, seed, withOrganization });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const orgSize = withOrganization ? statSync(files[files.length - 1]).size : 0;
  const avg = branches ? (bytes - orgSize) / branches : 0;
  console.log(
    `gen-corpus: ${files.length} files (${branches} branches${withOrganization ? ' + organization.yaml' : ''}) in ${resolve(dir)}, ` +
      `${(bytes / 1e6).toFixed(2)} MB total, avg ${(avg / 1024).toFixed(1)} KB per branch file, year ${year}, seed ${seed}, ${ms.toFixed(0)} ms`,
  );
  return 0;
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  try {
    process.exitCode = cli(process.argv.slice(2));
  } catch (err) {
    console.error(`gen-corpus: ${err.message}`);
    process.exitCode = 2;
  }
}
