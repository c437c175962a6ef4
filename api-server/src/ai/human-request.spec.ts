import { describe, expect, it } from 'vitest';
import { asksForHuman } from './human-request.js';

describe('asksForHuman', () => {
  it.each([
    'Can I talk to a human?',
    'talk to a human',
    'I want to speak with someone',
    'operator',
    'OPERATOR please!!',
    'Human please',
    'Put me through to a real person',
    'Connect me with a live agent',
    'I need a customer service representative',
    'оператор',
    "З'єднайте з оператором, будь ласка",
    'Хочу поговорити з людиною',
    'людина',
    'Потрібна жива людина',
    'покличте менеджера',
    'дайте консультанта',
    'Можно с человеком поговорить?',
    'позовите оператора',
  ])('asks for a human: %s', (text) => {
    expect(asksForHuman(text)).toBe(true);
  });

  it.each([
    '',
    'Hello! How much is the blue jacket?',
    'Is this cream safe for humans with sensitive skin?',
    'My user agent string looks weird on your site',
    'Where is my order #1234?',
    'Скільки коштує доставка до Львова?',
    'Кожна людина має право на повернення товару протягом 14 днів?',
    'Сколько стоит доставка?',
    'Does the price include support for two years of updates and everything else?',
  ])('does not: %s', (text) => {
    expect(asksForHuman(text)).toBe(false);
  });
});
