/**
 * Writes datasets/passengers.csv: a synthetic, titanic-like passenger list (891 rows) with the same
 * columns and kinds of missing values as the Kaggle/pandas-docs file (Age 20% missing, Cabin mostly
 * missing, Embarked twice missing), so the tutorial's exercises can run on bundled data. Survival
 * follows a logistic model in sex, class and age. Run: npx tsx datasets/generators/passengers.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { normal, rng } from './random.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'passengers.csv');
const u = rng(1912);
const z = normal(u);
const first = {
  male: ['John', 'William', 'Thomas', 'Charles', 'George', 'James', 'Henry', 'Arthur', 'Frederick', 'Edward', 'Albert', 'Karl', 'Johan', 'Patrick', 'Ernst'],
  female: ['Mary', 'Anna', 'Margaret', 'Elizabeth', 'Alice', 'Ellen', 'Bertha', 'Helga', 'Marie', 'Agnes', 'Kate', 'Emily', 'Sarah', 'Hanna', 'Edith'],
};
const last = ['Smith', 'Andersson', 'Brown', 'Johansson', 'Kelly', 'Sage', 'Goodwin', 'Carter', 'Williams', 'Olsen', 'Harris', 'Murphy', 'Nilsson', 'Davies', 'Baker', 'Palsson', 'Skoog', 'Panula', 'Rice', 'Ford'];
const pick = <T>(a: readonly T[]): T => a[Math.floor(u() * a.length)];
const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const seen = new Set<string>();
const lines = ['PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked'];
for (let id = 1; id <= 891; id++) {
  const pclass = u() < 0.24 ? 1 : u() < 0.27 ? 2 : 3;
  const sex = u() < 0.35 ? 'female' : 'male';
  let age = Math.max(0.42, Math.min(80, 29.7 + 14.5 * z() - (pclass - 2) * 4));
  age = age < 1 ? Math.round(age * 100) / 100 : Math.round(age);
  const ageMissing = u() < 0.2;
  const sibsp = u() < 0.68 ? 0 : u() < 0.75 ? 1 : Math.floor(u() * 5) + 1;
  const parch = u() < 0.76 ? 0 : Math.floor(u() * 3) + 1;
  const fare = Math.round(Math.exp((pclass === 1 ? 4.2 : pclass === 2 ? 3.0 : 2.2) + 0.5 * z()) * 10000) / 10000;
  const logit = 1.2 + (sex === 'female' ? 2.5 : 0) - 1.1 * (pclass - 1) - 0.03 * (age - 30) + (age < 12 ? 1.0 : 0) - 2.0 + 0.3 * z();
  const survived = u() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  const title = sex === 'male' ? (age < 13 ? 'Master.' : 'Mr.') : u() < 0.5 ? 'Mrs.' : 'Miss.';
  // Names are unique (Name is the index in the lesson): add middle names until one is new.
  let name = `${pick(last)}, ${title} ${pick(first[sex])}`;
  while (seen.has(name)) name += ` ${pick(first[sex])}`;
  seen.add(name);
  const cabin = pclass === 1 && u() < 0.8 ? `${pick(['A', 'B', 'C', 'D', 'E'])}${Math.floor(u() * 120) + 1}` : u() < 0.03 ? `F${Math.floor(u() * 40)}` : '';
  const embarked = id === 62 || id === 830 ? '' : u() < 0.72 ? 'S' : u() < 0.68 ? 'C' : 'Q';
  const prefix = u() < 0.25 ? `${pick(['PC', 'A/5', 'STON/O2.', 'C.A.', 'SOTON/OQ', 'W./C.'])} ` : '';
  const ticket = `${prefix}${100000 + Math.floor(u() * 300000)}`;
  lines.push([id, survived, pclass, q(name), sex, ageMissing ? '' : age, sibsp, parch, ticket, fare, cabin, embarked].join(','));
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${out} (${lines.length - 1} rows)`);
